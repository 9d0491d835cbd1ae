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
// Diagrams are laid out in-process with go-graphviz (Graphviz compiled to
// WebAssembly); no system Graphviz, rasterizer or font is needed. That
// library is not safe for concurrent use, so every call into it is
// serialized by a package-level mutex. SVG is Graphviz's own. PNG and PDF
// are painted by this package (scene.go, png.go, pdf.go): Graphviz lays the
// graph out and returns its drawing operations as json (xdot: node shapes,
// edge Béziers, arrowheads, label positions, colours, line styles), which
// fogleman/gg rasterizes for PNG and a small hand-written writer emits as
// PDF vector paths. go-graphviz's own PNG draws edges as black blobs and
// its WASM build has no PDF renderer. Text is set in the Go fonts compiled
// into the binary: Latin, Greek and Cyrillic; a name in another script
// (Arabic, Chinese) is labelled in PNG and PDF with its first alias the
// fonts can draw, and the SVG keeps the original. Small graphs (up to 40
// entities) are laid out by dot with edge labels; larger ones by sfdp, whose
// overlaps kg removes itself before Graphviz draws the pinned layout
// (place.go: 300 entities in about two seconds, nodes covering a quarter
// of the drawing where Graphviz's overlap=scale left 1%), and past 250
// relations the edge labels move into the tooltips. Every SVG node and
// edge carries a tooltip: names, aliases and type; the evidence sentences
// and who they are attributed to.
//
// Select cuts the subgraph worth drawing out of a larger graph: the
// neighbourhood of focus entities, filtered by predicate, type and evidence.
package exports
