//! Rule matching on already analysed documents, in bytes per second: the
//! default pack, the default pack plus 5,000 user phrases, and the whole
//! pipeline (`check_prose`) for comparison. Pack compilation is timed too,
//! since every process pays it at start-up.

mod common;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newslint::engine::{check_document, check_prose};
use newslint::extract::extract_txt;
use newslint::model::Document;
use newslint::rules::{Pack, PackLoader};

fn default_pack() -> Pack {
    let mut l = PackLoader::new();
    l.add_prebuilt(&newslint::rules::DEFAULT_PACK);
    l.load().expect("default pack loads")
}

fn extra_pack() -> Pack {
    let mut l = PackLoader::new();
    l.add_prebuilt(&newslint::rules::DEFAULT_PACK);
    l.add_file("extra-5000.toml".into(), common::extra_rules(5000));
    l.load().expect("extra pack loads")
}

fn matching(c: &mut Criterion) {
    let packs = [("default", default_pack()), ("default+5000", extra_pack())];
    for input in common::inputs() {
        let prose: Vec<_> = input.articles.iter().map(|a| extract_txt(a)).collect();
        let docs: Vec<_> = prose.iter().map(Document::analyze).collect();
        let mut g = c.benchmark_group(format!("match/{}", input.name));
        g.throughput(Throughput::Bytes(input.bytes()));
        for (name, pack) in &packs {
            g.bench_function(format!("check_document/{name}"), |b| {
                b.iter(|| {
                    for d in &docs {
                        black_box(check_document(pack, black_box(d), None));
                    }
                })
            });
        }
        g.bench_function("check_prose/default (analyze + match)", |b| {
            b.iter(|| {
                for p in &prose {
                    black_box(check_prose(&packs[0].1, black_box(p)));
                }
            })
        });
        g.finish();
    }
    let mut g = c.benchmark_group("pack");
    g.sample_size(10);
    g.bench_function("load default", |b| b.iter(default_pack));
    g.finish();
}

criterion_group!(benches, matching);
criterion_main!(benches);
