// The importers, included as the build script includes them: no wasm, no plotters, no build.rs.
#[allow(dead_code)]
#[path = "../../src/data/model.rs"]
pub mod model;
#[allow(dead_code)]
#[path = "../../src/data/import.rs"]
pub mod import;
#[allow(dead_code)]
#[path = "../../src/data/codec.rs"]
pub mod codec;
#[allow(dead_code)]
#[path = "../../src/data/klass.rs"]
pub mod klass;
#[allow(dead_code)]
#[path = "../../src/data/jsonstat.rs"]
pub mod jsonstat;
#[allow(dead_code)]
#[path = "../../src/data/table10824.rs"]
pub mod table10824;
