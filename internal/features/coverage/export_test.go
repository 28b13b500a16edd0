package coverage

// ExclusiveRole exposes exclusiveRole to the tests.
var ExclusiveRole = exclusiveRole
