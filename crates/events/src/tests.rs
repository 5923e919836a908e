use super::*;

#[test]
fn debug_dump() {
    let doc = Document::new("Serbia on Thursday flatly rejected an Australian ultimatum to handover a guard involved in a shooting in front of the Yugoslav consulate in Sydney. Bangladesh has once again outright rejected an Indian proposal for signing Free Trade Agreement (FTA) with her.");
    let s = Sent::new(&doc, &doc.tokens);
    let ent_at = vec![None; s.len()];
    let trig: Vec<bool> = (0..s.len()).map(|i| LEXICON.triggers.contains_key(s.w(i))).collect();
    let a = actors::chunk(&s, &ent_at, &[], &trig);
    for x in &a { eprintln!("actor {:?} {}", (x.start, x.end), s.text(x.start, x.end)); }
    let mut aa = vec![false; s.len() + 1];
    for x in &a { aa[x.end] = true; }
    for f in triggers::find(&s, &aa) { eprintln!("trig {:?} {} {}", f, s.text(f.start, f.end), f.plover); eprintln!("roles {:?}", roles::assign(&s, &a, &f, &[])); }
}
