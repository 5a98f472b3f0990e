//! How fast the recommender answers, from 10 to 1,000,000 messages, and how that compares
//! with the exhaustive search it is proven against. `cargo bench --bench recommend`.
//!
//! Native only: criterion measures the machine, not the browser (for the wasm target this
//! bench is an empty program, so `cargo clippy --all-targets` covers both).

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;
    use std::time::{Duration, Instant};

    use criterion::{BenchmarkId, Criterion};
    use messaging_quota::engine::bill::{Billing, Terms};
    use messaging_quota::engine::presets::ARTICLE;
    use messaging_quota::engine::recommend::{exhaustive, Need, Recommender};

    fn need(messages: u64, inmails: u64) -> Need {
        Need {
            messages,
            inmails,
            min_tier: None,
            team: 0,
        }
    }

    /// Median time of one call, by hand, for the ratio table.
    fn median_time(mut f: impl FnMut(), runs: usize) -> Duration {
        let mut times: Vec<Duration> = (0..runs)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed()
            })
            .collect();
        times.sort();
        times[runs / 2]
    }

    pub fn main() {
        let rules = ARTICLE.rules();
        let warm = Recommender::new(&rules, Terms::billed(Billing::Monthly));
        warm.recommend(&rules, &need(1_000_000, 0)); // builds the whole table once

        let mut c = Criterion::default()
            .configure_from_args()
            .warm_up_time(Duration::from_millis(300))
            .measurement_time(Duration::from_secs(1));
        let mut group = c.benchmark_group("recommend");
        for messages in [10u64, 100, 1_000, 10_000, 100_000, 1_000_000] {
            group.bench_with_input(BenchmarkId::new("exact", messages), &messages, |b, &m| {
                b.iter(|| warm.recommend(&rules, black_box(&need(m, 25))))
            });
        }
        group.bench_function("exact, cold (table built on the way)", |b| {
            b.iter(|| {
                Recommender::new(&rules, Terms::billed(Billing::Monthly))
                    .recommend(&rules, black_box(&need(1_000_000, 25)))
            })
        });
        for messages in [10u64, 100, 300] {
            group.bench_with_input(
                BenchmarkId::new("exhaustive", messages),
                &messages,
                |b, &m| {
                    b.iter(|| {
                        exhaustive(
                            &rules,
                            black_box(&need(m, 25)),
                            Terms::billed(Billing::Monthly),
                        )
                    })
                },
            );
        }
        group.finish();
        c.final_summary();

        println!("\nExact recommender against exhaustive search (median of single calls):");
        println!(
            "{:>12} {:>14} {:>14} {:>10}",
            "messages", "exact", "exhaustive", "ratio"
        );
        for messages in [10u64, 100, 300, 600] {
            let n = need(messages, 25);
            let fast = median_time(|| drop(black_box(warm.recommend(&rules, &n))), 501);
            let slow = median_time(
                || {
                    drop(black_box(exhaustive(
                        &rules,
                        &n,
                        Terms::billed(Billing::Monthly),
                    )))
                },
                21,
            );
            println!(
                "{messages:>12} {fast:>14.2?} {slow:>14.2?} {:>9.0}x",
                slow.as_secs_f64() / fast.as_secs_f64()
            );
        }
        for messages in [10_000u64, 1_000_000] {
            let n = need(messages, 25);
            let fast = median_time(|| drop(black_box(warm.recommend(&rules, &n))), 501);
            println!(
                "{messages:>12} {fast:>14.2?} {:>14} {:>10}",
                "(infeasible)", ""
            );
        }
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    native::main();
}
