use jieba_rs::Jieba;
fn main() {
    let j = Jieba::new();
    for s in std::env::args().skip(1) {
        let t: Vec<String> = j.tag(&s, true).iter().map(|t| format!("{}/{}{}", t.word, t.tag, if j.has_word(t.word) {""} else {"*"})).collect();
        println!("{}", t.join(" "));
    }
}
