//! Document preparation: extraction, then the model (sentences, quotations,
//! attributions), each measured in bytes per second.

mod common;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newslint::extract::extract_txt;
use newslint::model::Document;

fn prepare(c: &mut Criterion) {
    for input in common::inputs() {
        let mut g = c.benchmark_group(format!("prepare/{}", input.name));
        g.throughput(Throughput::Bytes(input.bytes()));
        g.bench_function("extract_txt", |b| {
            b.iter(|| {
                for a in &input.articles {
                    black_box(extract_txt(black_box(a)));
                }
            })
        });
        let prose: Vec<_> = input.articles.iter().map(|a| extract_txt(a)).collect();
        g.bench_function("analyze", |b| {
            b.iter(|| {
                for p in &prose {
                    black_box(Document::analyze(black_box(p)));
                }
            })
        });
        g.finish();
    }
}

criterion_group!(benches, prepare);
criterion_main!(benches);
