//! Prints the name mentions found in a text (stdin) with their type and origin, then the
//! entities: a development aid for the rules.
//!
//!     echo "Ukrainian President Volodymyr Zelensky spoke." | cargo run -p newsgraph-entities --example mentions

use newsgraph_text::Document;
use std::io::Read;

fn main() {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).expect("read stdin");
    let doc = Document::new(text);
    let tagged = newsgraph_ner::tag(&doc);
    if std::env::var_os("SHOW_TAGS").is_some() {
        for t in &tagged {
            println!("tag\t{:?}\t{:.3}\t{}", t.kind, t.score, doc.slice(t.span));
        }
    }
    for m in newsgraph_entities::mentions::find(&doc, &tagged) {
        println!("{:?}\t{:?}\t{}", m.kind, m.origin, doc.slice(m.span));
    }
    for e in newsgraph_entities::recognise(&doc) {
        let ms: Vec<&str> = e.mentions.iter().map(|[s, t]| &doc.text[*s..*t]).collect();
        println!("{} {:?} {} {:?} {:?} {:?}", e.id, e.kind, e.name, e.titles, e.geo.map(|g| g.geonames_id), ms);
    }
}
