//! Position look-ups over the other layers' spans (quotes, speaker phrases, entity mentions).
//!
//! Each quantity and each sentence asks "which quote holds this number?", "whose speaker phrase
//! is in this sentence?", "which entity is named here?". Scanning every quote or mention for
//! each question made one huge article quadratic; these indices answer from the spans near the
//! position, so the whole pass stays linear in the article (times a logarithm).

/// Byte spans `[start, end)` tagged with an index into their layer, sorted by start, with the
/// running maximum of the ends so that a backwards scan knows when nothing earlier can reach.
#[derive(Debug, Default)]
pub struct Spans {
    /// (start, end, tag), by start.
    items: Vec<(usize, usize, usize)>,
    /// `max_end[k]`: the largest end among `items[..=k]`.
    max_end: Vec<usize>,
}

impl Spans {
    pub fn new(spans: impl IntoIterator<Item = (usize, usize, usize)>) -> Self {
        let mut items: Vec<(usize, usize, usize)> = spans.into_iter().collect();
        items.sort_unstable();
        let mut max_end = Vec::with_capacity(items.len());
        let mut m = 0;
        for &(_, e, _) in &items {
            m = m.max(e);
            max_end.push(m);
        }
        Spans { items, max_end }
    }

    /// Tags of the spans holding `[s, e)` (start ≤ s and e ≤ end).
    pub fn containing(&self, s: usize, e: usize) -> impl Iterator<Item = usize> + '_ {
        let hi = self.items.partition_point(|x| x.0 <= s);
        (0..hi).rev().take_while(move |&k| self.max_end[k] >= e).filter(move |&k| self.items[k].1 >= e).map(move |k| self.items[k].2)
    }

    /// Tags of the spans overlapping `[s, e)`.
    pub fn overlapping(&self, s: usize, e: usize) -> impl Iterator<Item = usize> + '_ {
        let hi = self.items.partition_point(|x| x.0 < e);
        (0..hi).rev().take_while(move |&k| self.max_end[k] > s).filter(move |&k| self.items[k].1 > s).map(move |k| self.items[k].2)
    }

    /// Tags of the spans lying inside `[a, b)`, by start.
    pub fn within(&self, a: usize, b: usize) -> impl Iterator<Item = usize> + '_ {
        let lo = self.items.partition_point(|x| x.0 < a);
        self.items[lo..].iter().take_while(move |x| x.0 <= b).filter(move |x| x.1 <= b).map(|x| x.2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same questions asked by brute force.
    #[test]
    fn answers_equal_a_full_scan() {
        let spans: Vec<(usize, usize, usize)> =
            [(0, 50), (5, 9), (10, 20), (12, 14), (30, 31), (40, 90), (60, 61), (60, 75)].iter().enumerate().map(|(i, &(s, e))| (s, e, i)).collect();
        let ix = Spans::new(spans.iter().rev().copied());
        for s in 0..95 {
            for e in s..96 {
                let mut got: Vec<usize> = ix.containing(s, e).collect();
                got.sort();
                let want: Vec<usize> = spans.iter().filter(|x| x.0 <= s && e <= x.1).map(|x| x.2).collect();
                assert_eq!(got, want, "containing {s} {e}");
                let mut got: Vec<usize> = ix.overlapping(s, e).collect();
                got.sort();
                let want: Vec<usize> = spans.iter().filter(|x| x.0 < e && s < x.1).map(|x| x.2).collect();
                assert_eq!(got, want, "overlapping {s} {e}");
                let mut got: Vec<usize> = ix.within(s, e).collect();
                got.sort();
                let want: Vec<usize> = spans.iter().filter(|x| s <= x.0 && x.1 <= e).map(|x| x.2).collect();
                assert_eq!(got, want, "within {s} {e}");
            }
        }
        assert_eq!(Spans::new([]).containing(0, 1).count(), 0);
    }
}
