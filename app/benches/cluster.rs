//! Timing of the marker-clustering index: build cost and viewport queries at typical zooms,
//! on synthetic offers spread over Germany and clumped around a few cities.
//!
//! Run with `cargo bench --bench cluster`; plain `main` so it needs no benchmark framework.

use std::hint::black_box;
use std::time::{Duration, Instant};

use app::offers::cluster::{ClusterIndex, ClusterOptions, MapItem};

const WORLD: [f64; 4] = [-180.0, -90.0, 180.0, 90.0];
/// Roughly central Berlin, the size of a phone screen at zoom 12.
const CITY_BOX: [f64; 4] = [13.25, 52.45, 13.55, 52.58];

use app::shared::prng::SplitMix64 as SplitMix;

/// Half uniform over Germany, half clumped around cities: real offers concentrate in towns,
/// which is what makes the coarse levels expensive.
fn points(n: usize) -> Vec<(f64, f64)> {
    let centres = [
        (13.40, 52.52),
        (11.58, 48.14),
        (9.99, 53.55),
        (6.96, 50.94),
        (8.68, 50.11),
        (9.18, 48.78),
        (12.37, 51.34),
        (7.47, 51.51),
    ];
    let mut rng = SplitMix(0x00c0_ffee);
    (0..n)
        .map(|i| {
            if i % 2 == 0 {
                (rng.between_f64(6.0, 15.0), rng.between_f64(47.0, 55.0))
            } else {
                let (lon, lat) = centres[(rng.next_u64() % centres.len() as u64) as usize];
                // Summing uniforms gives a peaked spread, denser in the centre like a city.
                let spread = 0.15;
                let dx = (rng.unit() + rng.unit() + rng.unit() - 1.5) * spread;
                let dy = (rng.unit() + rng.unit() + rng.unit() - 1.5) * spread * 0.6;
                (lon + dx, lat + dy)
            }
        })
        .collect()
}

fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e3
}

/// Repeats until enough time has passed for a stable mean, at least a few times.
fn average(mut run: impl FnMut() -> usize) -> (Duration, usize, u32) {
    let started = Instant::now();
    let mut calls = 0u32;
    let mut items = 0;
    while calls < 5 || (started.elapsed() < Duration::from_millis(300) && calls < 10_000) {
        items = black_box(run());
        calls += 1;
    }
    (started.elapsed() / calls, items, calls)
}

fn main() {
    let options = ClusterOptions::default();
    for n in [1_000, 10_000, 100_000] {
        let data = points(n);

        let mut builds = Vec::new();
        let mut index = None;
        for _ in 0..3 {
            let started = Instant::now();
            let built = ClusterIndex::new(black_box(&data), options);
            builds.push(started.elapsed());
            index = Some(built);
        }
        let index = index.expect("built at least once");
        let best = builds.iter().min().copied().unwrap_or_default();
        println!(
            "cluster index build  n={n:<7} {:8.2} ms  (best of {})",
            millis(best),
            builds.len()
        );

        for zoom in [5, 10, 14] {
            let (mean, items, calls) = average(|| index.items(black_box(WORLD), zoom).len());
            println!(
                "clusters world z={zoom:<2}  n={n:<7} {:8.3} ms  ({items} items, {calls} calls)",
                millis(mean)
            );
        }
        let (mean, items, calls) = average(|| index.items(black_box(CITY_BOX), 12).len());
        println!(
            "clusters city  z=12  n={n:<7} {:8.3} ms  ({items} items, {calls} calls)",
            millis(mean)
        );

        let largest = index
            .items(WORLD, 5)
            .into_iter()
            .filter_map(|item| match item {
                MapItem::Group { id, count, .. } => Some((count, id)),
                MapItem::Single { .. } => None,
            })
            .max_by_key(|&(count, _)| count);
        if let Some((count, id)) = largest {
            let (mean, leaves, calls) = average(|| index.leaves(black_box(id)).len());
            assert_eq!(leaves, count);
            println!(
                "leaves of largest z=5 n={n:<7} {:8.3} ms  ({leaves} leaves, {calls} calls)",
                millis(mean)
            );
        }
    }
}
