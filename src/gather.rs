//! `collect` into a `Vec` as a plain loop. The standard `collect` specialises through
//! `SpecFromIterNested::from_iter`, `Vec::extend_trusted` and `Map::fold`, three functions per
//! call site in the wasm (over 300 of them, some 47 KB before gzip, and as many functions for the
//! browser to compile on first use); [`Gather::gather`] is one loop inlined where it is called.

pub trait Gather: Iterator + Sized {
    /// The items in a new `Vec`, as `collect::<Vec<_>>()` gives them.
    #[inline(always)]
    fn gather(self) -> Vec<Self::Item> {
        let mut out = Vec::with_capacity(self.size_hint().0);
        for item in self {
            out.push(item);
        }
        out
    }

    /// The items pushed onto `out`, as `out.extend(self)` does.
    #[inline(always)]
    fn gather_into(self, out: &mut Vec<Self::Item>) {
        out.reserve(self.size_hint().0);
        for item in self {
            out.push(item);
        }
    }
}

impl<I: Iterator> Gather for I {}
