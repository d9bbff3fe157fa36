//! Checking on every core: items in (paths, lines of a stream), results out in input order.
//!
//! `ordered` runs a function over a sequence on a rayon pool and hands the results to the
//! caller's thread one by one, in the order of the input, through a reorder buffer of at
//! most `window` items: a slow file holds back the printing of the files after it, never the
//! memory of the whole corpus. With one thread nothing is spawned and the work runs on the
//! caller's thread, one item at a time, exactly as a plain loop would.
//!
//! `extract_chunked` splits one large text at blank lines into pieces that are extracted in
//! parallel; the mentions of the pieces, shifted back to whole-text offsets, are the whole
//! text's mentions (a mention, its hedge and its context never cross a blank line; the tests
//! compare both ways on generated corpora and the bundled article).

use std::collections::BTreeMap;
use std::sync::mpsc;

use rayon::prelude::*;

use crate::extract::{ExtractOptions, Mention, extract};
use crate::source::Span;

/// How many threads a run uses: `0` means one per core.
pub fn threads(requested: usize) -> usize {
    if requested > 0 {
        requested
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    }
}

/// Maps `work` over `input` on `threads` threads and gives each result to `each`, in input
/// order, on the calling thread. Items are worked on in batches of `batch` consecutive items,
/// one task each: with many small items (a corpus of short articles) the calling thread is
/// woken once per batch instead of once per item, and each wake-up takes a core from the
/// workers. At most `window` items wait to be taken (those being worked on included; at
/// least two batches per thread), so memory is bounded by a few items, not by the input.
/// `each` returning an error stops the run: no new batch is started, those in flight finish
/// and are dropped, and the error is returned.
pub fn ordered<I, T, E>(
    threads: usize,
    window: usize,
    batch: usize,
    input: impl Iterator<Item = I>,
    work: impl Fn(I) -> T + Sync,
    mut each: impl FnMut(T) -> Result<(), E>,
) -> Result<(), E>
where
    I: Send,
    T: Send,
{
    if threads <= 1 {
        for item in input {
            each(work(item))?;
        }
        return Ok(());
    }
    ordered_batches(
        threads,
        window,
        batch,
        input,
        |items: Vec<I>| items.into_iter().map(&work).collect(),
        each,
    )
}

/// `ordered`, with the work given a whole batch of consecutive items at once and returning
/// their results in order: a caller can run one stage over the batch before the next (read
/// and extract eight files, then check them), so that each stage's code stays warm. On one
/// thread the batches run on the calling thread, one after the other.
pub fn ordered_batches<I, T, E>(
    threads: usize,
    window: usize,
    batch: usize,
    input: impl Iterator<Item = I>,
    work: impl Fn(Vec<I>) -> Vec<T> + Sync,
    mut each: impl FnMut(T) -> Result<(), E>,
) -> Result<(), E>
where
    I: Send,
    T: Send,
{
    let batch = batch.max(1);
    let serial = |input: &mut dyn Iterator<Item = I>, each: &mut dyn FnMut(T) -> Result<(), E>| {
        loop {
            let items: Vec<I> = (&mut *input).take(batch).collect();
            if items.is_empty() {
                return Ok(());
            }
            for result in work(items) {
                each(result)?;
            }
        }
    };
    let mut input = input;
    if threads <= 1 {
        return serial(&mut input, &mut each);
    }
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(pool) => pool,
        // No threads to be had (a process limit): the same work, on this thread.
        Err(_) => return serial(&mut input, &mut each),
    };
    let tasks = (window / batch).max(2 * threads);
    let work = &work;
    pool.in_place_scope(|scope| {
        let (tx, rx) = mpsc::channel::<(usize, Vec<T>)>();
        let mut input = input.fuse();
        let mut waiting: BTreeMap<usize, Vec<T>> = BTreeMap::new();
        let (mut started, mut next) = (0usize, 0usize);
        loop {
            while started < next + tasks {
                let items: Vec<I> = input.by_ref().take(batch).collect();
                if items.is_empty() {
                    break;
                }
                let tx = tx.clone();
                let i = started;
                scope.spawn(move |_| {
                    let results = work(items);
                    // The receiver only goes away when the run stops early.
                    let _ = tx.send((i, results));
                });
                started += 1;
            }
            if next == started {
                return Ok(());
            }
            let results = match waiting.remove(&next) {
                Some(results) => results,
                None => match rx.recv() {
                    Ok((i, results)) if i == next => results,
                    Ok((i, results)) => {
                        waiting.insert(i, results);
                        continue;
                    }
                    // Every sender is held by a task that has not sent yet, or by `tx`.
                    Err(_) => return Ok(()),
                },
            };
            next += 1;
            for result in results {
                each(result)?;
            }
        }
    })
}

/// Texts below this size are extracted in one piece: splitting pays only when each piece
/// is large enough to outweigh handing it to another thread.
pub const CHUNK_BYTES: usize = 1 << 20;

/// The mentions of `text`, the same as `extract(text, options)`, computed piece by piece
/// on the current rayon pool when the text is large and the pool has more than one thread.
pub fn extract_chunked(text: &str, options: &ExtractOptions) -> Vec<Mention> {
    if text.len() < 2 * CHUNK_BYTES || rayon::current_num_threads() < 2 {
        return extract(text, options);
    }
    let pieces = paragraph_pieces(text, CHUNK_BYTES);
    if pieces.len() < 2 {
        return extract(text, options);
    }
    let parts: Vec<Vec<Mention>> = pieces
        .par_iter()
        .map(|&(start, end)| {
            let mut mentions = extract(&text[start..end], options);
            for m in &mut mentions {
                shift(m, start);
            }
            mentions
        })
        .collect();
    let mut all = Vec::with_capacity(parts.iter().map(Vec::len).sum());
    for part in parts {
        all.extend(part);
    }
    all
}

fn shift(m: &mut Mention, by: usize) {
    let moved = |s: Span| Span::new(s.start + by, s.end + by);
    m.span = moved(m.span);
    m.number = moved(m.number);
    m.hedge_span = m.hedge_span.map(moved);
}

/// Splits `text` into consecutive pieces of about `size` bytes, each ending just after a
/// blank line (a line holding nothing but spaces or tabs), so that no paragraph is cut. A
/// text without blank lines stays one piece.
pub fn paragraph_pieces(text: &str, size: usize) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut pieces = Vec::new();
    let mut start = 0;
    while text.len() - start > size + size / 2 {
        match blank_line_after(bytes, start + size) {
            Some(cut) => {
                pieces.push((start, cut));
                start = cut;
            }
            None => break,
        }
    }
    pieces.push((start, text.len()));
    pieces
}

/// The end (one past its `\n`) of the first blank line that starts after `from`: a line
/// break followed by optional spaces, tabs or `\r` and another line break.
fn blank_line_after(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(k) = bytes[i..].iter().position(|&b| b == b'\n') {
        let mut j = i + k + 1;
        while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'\r') {
            j += 1;
        }
        if j < bytes.len() && bytes[j] == b'\n' {
            return Some(j + 1);
        }
        i = j;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordered_keeps_the_input_order_on_many_threads() {
        let mut seen = Vec::new();
        let r: Result<(), ()> = ordered(
            4,
            3,
            1,
            0..200u64,
            |i| {
                // Later items finish first now and then.
                if i % 7 == 0 {
                    std::thread::sleep(std::time::Duration::from_millis(2));
                }
                i * 2
            },
            |x| {
                seen.push(x);
                Ok(())
            },
        );
        assert!(r.is_ok());
        assert_eq!(seen, (0..200u64).map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn ordered_keeps_the_input_order_in_batches() {
        for batch in [2, 5, 8, 300] {
            let mut seen = Vec::new();
            let r: Result<(), ()> = ordered(
                2,
                8,
                batch,
                0..203u64,
                |i| i + 1,
                |x| {
                    seen.push(x);
                    Ok(())
                },
            );
            assert!(r.is_ok());
            assert_eq!(seen, (1..=203u64).collect::<Vec<_>>(), "batch {batch}");
        }
    }

    #[test]
    fn ordered_stops_at_the_first_error() {
        let mut seen = Vec::new();
        let r = ordered(
            2,
            4,
            3,
            0..100u32,
            |i| i,
            |x| {
                if x == 10 {
                    return Err(x);
                }
                seen.push(x);
                Ok(())
            },
        );
        assert_eq!(r, Err(10));
        assert_eq!(seen, (0..10).collect::<Vec<_>>());
    }

    #[test]
    fn pieces_end_after_blank_lines_and_cover_the_text() {
        let para = "一段文字，有 3 个数字和 45% 的比例。\nA second line.\n\n";
        let text = para.repeat(100) + "last line without a blank";
        let pieces = paragraph_pieces(&text, 200);
        assert!(pieces.len() > 5, "{pieces:?}");
        assert_eq!(pieces[0].0, 0);
        assert_eq!(pieces.last().map(|p| p.1), Some(text.len()));
        for w in pieces.windows(2) {
            assert_eq!(w[0].1, w[1].0);
            assert!(text[..w[0].1].ends_with("\n\n"));
        }
        assert_eq!(
            paragraph_pieces("no blank line\n".repeat(50).as_str(), 10).len(),
            1
        );
    }

    #[test]
    fn blank_lines_may_hold_spaces_and_carriage_returns() {
        let text = "a\r\n \t\r\nb";
        assert_eq!(blank_line_after(text.as_bytes(), 0), Some(7));
        assert_eq!(blank_line_after(b"a\nb\nc", 0), None);
    }

    #[test]
    fn chunked_extraction_equals_whole_extraction() {
        let article = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/source/ai-index-2024.md"
        ))
        .expect("bundled article");
        // Many copies, so that the text is split into several pieces.
        let text = article.repeat(2 * CHUNK_BYTES / article.len() + 40);
        let options = ExtractOptions { tolerance: 0.05 };
        let whole = extract(&text, &options);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .expect("pool");
        let chunked = pool.install(|| extract_chunked(&text, &options));
        assert!(paragraph_pieces(&text, CHUNK_BYTES).len() > 1);
        assert_eq!(whole.len(), chunked.len());
        assert!(whole == chunked, "chunked extraction differs");
    }

    #[test]
    fn no_mention_crosses_a_blank_line() {
        // The article cut at every blank line reads the same numbers as the article whole.
        for name in ["ai-index-2024.md"] {
            let path = format!("{}/source/{name}", env!("CARGO_MANIFEST_DIR"));
            let text = std::fs::read_to_string(path).expect("bundled article");
            let options = ExtractOptions { tolerance: 0.05 };
            let whole = extract(&text, &options);
            let mut pieces = Vec::new();
            for (start, end) in paragraph_pieces(&text, 1) {
                let mut part = extract(&text[start..end], &options);
                part.iter_mut().for_each(|m| shift(m, start));
                pieces.extend(part);
            }
            assert!(paragraph_pieces(&text, 1).len() > 20);
            assert!(whole == pieces, "{name}: pieces differ from the whole");
        }
    }
}
