// Package exports writes a kg graph in the formats analysts use: kg's own
// JSON contract, Graphviz DOT and the diagrams rendered from it (SVG, PNG,
// PDF), GraphML (yEd, Gephi, networkx), GEXF 1.3 (Gephi), CSV for
// neo4j-admin import, Cypher MERGE statements and RDF N-Quads.
//
// Every writer reads a Graph (a graph.Lister, optionally a
// graph.DocumentReader for document titles and sources), sorts by id or key
// before writing and escapes for its format, so the same graph always gives
// byte-identical output and no name can inject markup or statements.
//
// Diagrams are rendered in-process with go-graphviz (Graphviz compiled to
// WebAssembly). That library is not safe for concurrent use, so every call
// into it is serialized by a package-level mutex. Its PNG output is broken,
// so PNG is rasterized from the SVG instead; see png.go and pdf.go.
//
// Select cuts the subgraph worth drawing out of a larger graph: the
// neighbourhood of focus entities, filtered by predicate, type and evidence.
package exports
