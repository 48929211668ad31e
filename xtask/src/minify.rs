//! The shipped script, minified by oxc (parse, compress, mangle local names, print without
//! whitespace), so the build keeps needing only Rust. The `/*! … */` licence and data
//! attribution line stays; property names are never renamed (the shell and the glue talk to the
//! DOM and the wasm by them).

use crate::Result;
use oxc_allocator::Allocator;
use oxc_codegen::{Codegen, CodegenOptions, CommentOptions, LegalComment};
use oxc_minifier::{Minifier, MinifierOptions};
use oxc_parser::Parser;
use oxc_span::SourceType;

/// A classic script (not a module), minified; a script that does not parse is an error naming
/// the first problem.
pub fn minify(js: &str) -> Result<String> {
    let alloc = Allocator::default();
    let parsed = Parser::new(&alloc, js, SourceType::script()).parse();
    if let Some(e) = parsed.diagnostics.errors().next() {
        return Err(format!("the script does not parse: {e}"));
    }
    let mut program = parsed.program;
    let minified = Minifier::new(MinifierOptions::default()).minify(&alloc, &mut program);
    let options = CodegenOptions { comments: CommentOptions { legal: LegalComment::Inline, ..CommentOptions::disabled() }, ..CodegenOptions::minify() };
    Ok(Codegen::new().with_options(options).with_scoping(minified.scoping).build(&program).code)
}

#[cfg(test)]
mod tests {
    use super::minify;

    #[test]
    fn keeps_the_licence_and_properties_and_shortens_the_rest() {
        let js = "/*! licence: CC BY 4.0 */\n(function () {\n  \"use strict\";\n  // why\n  var widgetElement = document.createElement(\"div\");\n  \
                  function describeTheElement(element) { return element.textContent + \" \" + `a\n  b`; }\n  widgetElement.textContent = \"x\";\n  \
                  window.result = describeTheElement(widgetElement);\n})();\n";
        let out = minify(js).unwrap();
        assert!(out.starts_with("/*! licence: CC BY 4.0 */"), "{out}");
        assert!(!out.contains("widgetElement") && !out.contains("describeTheElement") && !out.contains("// why"), "{out}");
        assert!(out.contains("textContent") && out.contains("window.result") && out.contains("a\n  b"), "{out}");
        assert!(out.len() < js.len() * 3 / 4, "{out}");
    }

    #[test]
    fn a_script_that_does_not_parse_is_an_error() {
        let e = minify("function (").unwrap_err();
        assert!(e.starts_with("the script does not parse"), "{e}");
    }
}
