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
// into it is serialized by a package-level mutex. Its PNG output is broken
// and it has no PDF renderer, so PNG and PDF are converted from the SVG by
// librsvg's rsvg-convert when it is on PATH (ErrNoRasterizer otherwise; see
// raster.go). Small graphs (up to 40 entities) are laid out by dot with
// edge labels; larger ones by sfdp with overlap=scale, which lays out 300
// entities in under a second, and past 250 relations the edge labels move
// into the tooltips. Every SVG node and edge carries a tooltip: names,
// aliases and type; the evidence sentences and who they are attributed to.
//
// Select cuts the subgraph worth drawing out of a larger graph: the
// neighbourhood of focus entities, filtered by predicate, type and evidence.
package exports
