package document

// CountFields is countFields, for the external tests.
var CountFields = countFields
