package report

import "github.com/copydesk/copydesk/internal/analysis"

// The subset of SARIF 2.1.0 copydesk writes. Field names follow the
// specification (https://docs.oasis-open.org/sarif/sarif/v2.1.0/); the test
// validates the output against the official schema in testdata/.

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	Results     []sarifResult     `json:"results"`
	ColumnKind  string            `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string            `json:"id"`
	Name                 string            `json:"name,omitempty"`
	ShortDescription     sarifText         `json:"shortDescription"`
	FullDescription      sarifText         `json:"fullDescription"`
	Help                 sarifHelp         `json:"help"`
	DefaultConfiguration sarifRuleConfig   `json:"defaultConfiguration"`
	Properties           sarifRuleProperty `json:"properties"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifRuleProperty struct {
	Dimension string   `json:"dimension"`
	Tags      []string `json:"tags"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           *int              `json:"ruleIndex,omitempty"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	RelatedLocations    []sarifRelated    `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Properties          *sarifResultProps `json:"properties,omitempty"`
}

type sarifResultProps struct {
	Dimension       string `json:"dimension,omitempty"`
	Article         string `json:"article,omitempty"`
	OutsideMainText bool   `json:"outsideMainText,omitempty"`
	// References are the reference articles a coverage finding rests
	// on (FB007–FB010), as the JSON output gives them.
	References []analysis.Reference `json:"references,omitempty"`
}

// sarifRelated is a related location naming a reference article. The
// article is not a file of the repository being checked, so it has no
// physical location: the message says which article, from whom, when.
type sarifRelated struct {
	ID      int       `json:"id"`
	Message sarifText `json:"message"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int        `json:"startLine"`
	StartColumn int        `json:"startColumn"`
	EndLine     int        `json:"endLine"`
	EndColumn   int        `json:"endColumn"`
	Snippet     *sarifText `json:"snippet,omitempty"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                  `json:"executionSuccessful"`
	ExitSignalName             string                `json:"exitSignalName,omitempty"`
	ToolExecutionNotifications []sarifNotification   `json:"toolExecutionNotifications,omitempty"`
	Properties                 *sarifInvocationProps `json:"properties,omitempty"`
}

type sarifInvocationProps struct {
	// Config is the configuration file that applied.
	Config string `json:"copydeskConfig,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}
