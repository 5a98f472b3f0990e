//! Short names for the main module's imports from its bindings.
//!
//! wasm-bindgen names each import after what it calls and a hash
//! (`__wbg_setAttribute_f75317b2b5cabfb4`), about 300 of them: 17 KB of names in the wasm
//! and again in the bindings' import object, which compress poorly (the hashes). wasm-opt's
//! own minifier renames only the imports of a module named `env`, or renames every export
//! too, which the bindings, the split module's fetcher and the loader all call by name.
//! This renames only the bindings' imports, in the wasm and in the one place the bindings
//! write each name (its key in the import object), and leaves a name as it is wherever that
//! place is not exactly one key.

use wasm_encoder::reencode::{Reencode, RoundtripReencoder};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// `wasm` with the imports from `module` renamed, and `js` (the bindings) to match; how
/// many were renamed.
pub fn shorten(wasm: &[u8], js: &str, module: &str) -> Result<(Vec<u8>, String, usize)> {
    let mut out = wasm_encoder::Module::new();
    let mut js = js.to_owned();
    let mut renamed = 0;
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        let payload = payload?;
        if let wasmparser::Payload::ImportSection(reader) = &payload {
            let mut section = wasm_encoder::ImportSection::new();
            for import in reader.clone().into_imports() {
                let import = import?;
                let ty = RoundtripReencoder.entity_type(import.ty)?;
                let name = match key_at(&js, import.name) {
                    Some(at) if import.module == module => {
                        let short = short_name(renamed);
                        renamed += 1;
                        js.replace_range(at..at + import.name.len(), &short);
                        short
                    }
                    _ => import.name.to_owned(),
                };
                section.import(import.module, &name, ty);
            }
            out.section(&section);
        } else if let Some((id, range)) = payload.as_section() {
            let data = &wasm[range.start as usize..range.end as usize];
            out.section(&wasm_encoder::RawSection { id, data });
        }
    }
    Ok((out.finish(), js, renamed))
}

/// Where `name` is written in `js`, when it is written exactly once, as an object's key.
fn key_at(js: &str, name: &str) -> Option<usize> {
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    let mut found = js.match_indices(name).filter(|&(at, _)| {
        let before = js[..at].chars().next_back().is_some_and(ident);
        let after = js[at + name.len()..].chars().next().is_some_and(ident);
        !before && !after
    });
    let (at, _) = found.next()?;
    let is_key = js[at + name.len()..].trim_start().starts_with(':');
    (found.next().is_none() && is_key).then_some(at)
}

/// The `n`th short name: `a` … `Z`, then `aa`, `ab` …; never `__proto__`, never a number.
fn short_name(mut n: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut name = Vec::new();
    loop {
        name.push(LETTERS[n % LETTERS.len()]);
        n /= LETTERS.len();
        if n == 0 {
            break;
        }
        n -= 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_are_distinct() {
        let names: std::collections::HashSet<String> = (0..5000).map(short_name).collect();
        assert_eq!(names.len(), 5000);
        assert_eq!(short_name(0), "a");
        assert_eq!(short_name(52), "aa");
    }

    #[test]
    fn a_name_is_renamed_only_where_it_is_one_key() {
        let js = "{ __wbg_a_1: function() {}, __wbg_b_2: function() { __wbg_b_2 }, __wbg_a_10: 1 }";
        assert_eq!(key_at(js, "__wbg_a_1"), Some(2));
        assert_eq!(key_at(js, "__wbg_b_2"), None, "written twice");
        assert_eq!(key_at(js, "__wbg_c_3"), None, "not written");
    }

    #[test]
    fn imports_and_their_keys_are_renamed_together() {
        let wasm = wat_module();
        let js = "const imports = { './m.js': { __wbg_log_abc: function(x) { console.log(x) } } };";
        let (out, js, renamed) = shorten(&wasm, js, "./m.js").unwrap();
        assert_eq!(renamed, 1);
        assert!(js.contains("{ a: function(x)"), "{js}");
        let names: Vec<String> = wasmparser::Parser::new(0)
            .parse_all(&out)
            .filter_map(|p| match p.unwrap() {
                wasmparser::Payload::ImportSection(r) => Some(
                    r.into_imports()
                        .map(|i| {
                            let i = i.unwrap();
                            format!("{}.{}", i.module, i.name)
                        })
                        .collect::<Vec<_>>(),
                ),
                _ => None,
            })
            .flatten()
            .collect();
        assert_eq!(names, ["./m.js.a", "other.keep"]);
        wasmparser::validate(&out).unwrap();
    }

    /// A module importing `./m.js`'s `__wbg_log_abc` and `other`'s `keep`, calling both.
    fn wat_module() -> Vec<u8> {
        let mut module = wasm_encoder::Module::new();
        let mut types = wasm_encoder::TypeSection::new();
        types.ty().function([wasm_encoder::ValType::I32], []);
        types.ty().function([], []);
        module.section(&types);
        let mut imports = wasm_encoder::ImportSection::new();
        imports.import(
            "./m.js",
            "__wbg_log_abc",
            wasm_encoder::EntityType::Function(0),
        );
        imports.import("other", "keep", wasm_encoder::EntityType::Function(0));
        module.section(&imports);
        let mut functions = wasm_encoder::FunctionSection::new();
        functions.function(1);
        module.section(&functions);
        let mut code = wasm_encoder::CodeSection::new();
        let mut body = wasm_encoder::Function::new([]);
        body.instructions()
            .i32_const(1)
            .call(0)
            .i32_const(2)
            .call(1)
            .end();
        code.function(&body);
        module.section(&code);
        module.finish()
    }
}
