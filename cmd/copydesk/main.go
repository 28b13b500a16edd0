// Command copydesk scores news articles for low-quality generated content.
package main

func main() {}
