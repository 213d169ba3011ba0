use zhen_extract::Extractor;
fn main() {
    let ex = Extractor::new();
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let out = args.remove(0);
    let mut lines = String::new();
    for path in args {
        let text = std::fs::read_to_string(&path).unwrap();
        let t = std::time::Instant::now();
        let r = ex.extract(&text).unwrap();
        eprintln!("{path}: {} institutions in {:?}", r.institutions.len(), t.elapsed());
        for i in &r.institutions { assert_eq!(&text[i.span.start..i.span.end], i.span.text); }
        let name = std::path::Path::new(&path).file_name().unwrap().to_str().unwrap();
        let v = serde_json::json!({"doc": name, "quantities": [], "years": [], "targets": [], "institutions": r.institutions});
        lines.push_str(&v.to_string());
        lines.push('\n');
    }
    std::fs::write(out, lines).unwrap();
}
