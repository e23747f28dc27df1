//! Map-marker clustering: folds nearby offers into counted groups per zoom level, so the map
//! stays readable from all of Germany down to a single street.
//!
//! The index is built once per data set and then answers viewport queries cheaply, which is
//! what a map needs while the user pans and zooms. Building starts at the finest zoom, where
//! every point stands alone, and works towards the coarsest: each coarser level greedily merges
//! the items of the level below that lie within a fixed on-screen radius of each other. Every level
//! keeps a static KD-tree (the level's items stored in tree order), which serves both the
//! neighbour search during the build and the viewport search afterwards.
//!
//! Everything is plain `std` so the same code runs in the Wasm client and on the server.

use std::f64::consts::PI;

use crate::shared::float;

/// Deeper levels would only cost memory: at zoom 30 a pixel is a few millimetres.
const MAX_SUPPORTED_ZOOM: u8 = 30;

/// Below this size a linear scan beats further splitting.
const LEAF_SIZE: usize = 32;

/// Tuning knobs, in the units a map library thinks in (pixels and tile zoom levels).
///
/// Out-of-range values are corrected rather than rejected, because a map must always be able to
/// render something: a non-finite or negative radius or extent falls back to the default,
/// `max_zoom` is capped at 30, `min_zoom` at `max_zoom`, and `min_points` is at least 2 (a
/// "group" of one point would just be the point).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ClusterOptions {
    /// Items closer than this on screen are merged.
    pub radius_px: f64,
    /// Pixel size of one map tile; with the radius it fixes the merge distance per zoom.
    pub tile_extent_px: f64,
    /// Coarsest zoom that gets its own level; queries below it use this level.
    pub min_zoom: u8,
    /// Finest zoom that still groups; above it every point is alone.
    pub max_zoom: u8,
    /// Fewest points a group may hold; smaller gatherings stay separate markers.
    pub min_points: usize,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        Self {
            radius_px: 60.0,
            tile_extent_px: 256.0,
            min_zoom: 0,
            max_zoom: 16,
            min_points: 2,
        }
    }
}

impl ClusterOptions {
    fn sanitized(self) -> Self {
        let defaults = Self::default();
        let radius_px = if self.radius_px.is_finite() && self.radius_px >= 0.0 {
            self.radius_px
        } else {
            defaults.radius_px
        };
        let tile_extent_px = if self.tile_extent_px.is_finite() && self.tile_extent_px > 0.0 {
            self.tile_extent_px
        } else {
            defaults.tile_extent_px
        };
        let max_zoom = self.max_zoom.min(MAX_SUPPORTED_ZOOM);
        Self {
            radius_px,
            tile_extent_px,
            min_zoom: self.min_zoom.min(max_zoom),
            max_zoom,
            min_points: self.min_points.max(2),
        }
    }

    /// Merge distance at `zoom` in the projected unit square.
    fn radius_at(&self, zoom: u8) -> f64 {
        self.radius_px / (self.tile_extent_px * 2f64.powi(i32::from(zoom)))
    }
}

/// What the map shows at one zoom: either one input point or a group of them.
#[derive(Clone, Debug, PartialEq)]
pub enum MapItem {
    /// `index` is the point's position in the slice given to [`ClusterIndex::new`]; `lon` and
    /// `lat` are exactly the values given there.
    Single { index: usize, lon: f64, lat: f64 },
    /// Placed at the mean position of all its points (in map projection).
    Group {
        id: ClusterId,
        lon: f64,
        lat: f64,
        count: usize,
    },
}

/// Handle of a group within the index that produced it.
///
/// A group that survives unchanged across several zoom levels keeps the same id on all of them,
/// so it can serve as a stable key for rendering. Ids from another index are harmless: they
/// either resolve to some group there or are treated as unknown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ClusterId(u64);

impl ClusterId {
    fn new(zoom: u8, position: u32) -> Self {
        Self((u64::from(zoom) << 32) | u64::from(position))
    }

    fn zoom(self) -> u64 {
        self.0 >> 32
    }

    fn position(self) -> usize {
        (self.0 & u64::from(u32::MAX)) as usize
    }
}

/// What a level knows about one of its items besides the position.
#[derive(Clone, Copy, Debug)]
struct Node {
    count: u32,
    /// Input index for a single point (`count == 1`), otherwise the group number, which
    /// survives while the group is carried up to coarser levels unchanged.
    key: u32,
}

impl Node {
    fn is_group(&self) -> bool {
        self.count > 1
    }
}

/// The items visible at one zoom, stored in KD-tree order.
struct Level {
    /// Projected positions, kept apart from the rest so that tree searches touch as few cache
    /// lines as possible; searching dominates the build.
    xy: Vec<[f64; 2]>,
    nodes: Vec<Node>,
    /// Children of node `i` (positions in the next finer level) are
    /// `child_ids[child_start[i]..child_start[i + 1]]`; both are empty on the finest level.
    child_start: Vec<u32>,
    child_ids: Vec<u32>,
}

impl Level {
    fn children(&self, position: usize) -> &[u32] {
        match (
            self.child_start.get(position),
            self.child_start.get(position + 1),
        ) {
            (Some(&start), Some(&end)) => &self.child_ids[start as usize..end as usize],
            _ => &[],
        }
    }
}

/// Hierarchical clustering of map points, queried per viewport and zoom.
pub struct ClusterIndex {
    options: ClusterOptions,
    /// The input as given, so singles report their exact coordinates and not a projection
    /// round trip.
    input: Vec<(f64, f64)>,
    indexed: usize,
    /// `levels[z - min_zoom]` for `z` in `min_zoom..=max_zoom + 1`.
    levels: Vec<Level>,
    /// Group number → zoom and position where the group was formed; that is where its
    /// children are linked, and what its public id encodes.
    groups: Vec<(u8, u32)>,
}

impl ClusterIndex {
    /// points are (lon, lat) in WGS84 degrees. Non-finite or out-of-range points are skipped
    /// (never panics).
    ///
    /// Only the first `u32::MAX` points are considered, which keeps the per-level storage small.
    pub fn new(points: &[(f64, f64)], options: ClusterOptions) -> Self {
        let options = options.sanitized();
        let points = &points[..points.len().min(u32::MAX as usize)];
        let seeds: Vec<([f64; 2], Node)> = points
            .iter()
            .enumerate()
            .filter(|&(_, &(lon, lat))| is_valid(lon, lat))
            .map(|(index, &(lon, lat))| {
                let node = Node {
                    count: 1,
                    key: index as u32,
                };
                ([lon_to_x(lon), lat_to_y(lat)], node)
            })
            .collect();
        let indexed = seeds.len();

        let finest = options.max_zoom + 1;
        let mut levels = Vec::with_capacity(usize::from(finest - options.min_zoom) + 1);
        let mut groups = Vec::new();
        let (mut finer, mut finer_order) = arrange(&seeds, &[], &[]);
        drop(seeds);

        let mut visited = Vec::new();
        let mut neighbours = Vec::new();
        for zoom in (options.min_zoom..finest).rev() {
            let radius = options.radius_at(zoom);
            visited.clear();
            visited.resize(finer.nodes.len(), false);
            let first_new_group = groups.len();
            let mut created = Vec::with_capacity(finer.nodes.len());
            let mut created_children = Vec::with_capacity(finer.nodes.len());
            let mut created_start = Vec::with_capacity(finer.nodes.len() + 1);
            created_start.push(0u32);

            // Visiting in creation order rather than tree order makes the outcome depend on the
            // input order only, which is what callers can reason about.
            for &seed_position in &finer_order {
                let seed_position = seed_position as usize;
                if visited[seed_position] {
                    continue;
                }
                visited[seed_position] = true;
                let seed = finer.nodes[seed_position];
                let [seed_x, seed_y] = finer.xy[seed_position];

                neighbours.clear();
                within(&finer.xy, seed_x, seed_y, radius, &mut neighbours);
                neighbours.retain(|&n| !visited[n as usize]);
                let total = u64::from(seed.count)
                    + neighbours
                        .iter()
                        .map(|&n| u64::from(finer.nodes[n as usize].count))
                        .sum::<u64>();

                created_children.push(seed_position as u32);
                if !neighbours.is_empty() && total >= options.min_points as u64 {
                    let weight = f64::from(seed.count);
                    let (mut sum_x, mut sum_y) = (seed_x * weight, seed_y * weight);
                    for &n in &neighbours {
                        let n = n as usize;
                        visited[n] = true;
                        let weight = f64::from(finer.nodes[n].count);
                        sum_x += finer.xy[n][0] * weight;
                        sum_y += finer.xy[n][1] * weight;
                    }
                    created_children.extend_from_slice(&neighbours);
                    let group = Node {
                        // Counts never exceed the number of points, which fits in u32.
                        count: total as u32,
                        key: groups.len() as u32,
                    };
                    let centre = [sum_x / total as f64, sum_y / total as f64];
                    created.push((centre, group));
                    groups.push((zoom, 0));
                } else {
                    // Unmerged neighbours stay unvisited so that a later seed may still take
                    // them; otherwise a lone seed would shield everything around it.
                    created.push(([seed_x, seed_y], seed));
                }
                created_start.push(created_children.len() as u32);
            }

            let (level, order) = arrange(&created, &created_children, &created_start);
            for (position, node) in level.nodes.iter().enumerate() {
                if node.is_group() && node.key as usize >= first_new_group {
                    groups[node.key as usize].1 = position as u32;
                }
            }
            levels.push(std::mem::replace(&mut finer, level));
            finer_order = order;
        }
        levels.push(finer);
        levels.reverse();

        Self {
            options,
            input: points.to_vec(),
            indexed,
            levels,
            groups,
        }
    }

    /// Items intersecting the bbox [west, south, east, north] at integer zoom (clamped to
    /// min..=max_zoom+1), including bboxes crossing the antimeridian or spanning the whole world
    /// (west=-180, east=180).
    ///
    /// An item belongs to the box when its position lies inside it (edges included). A box
    /// with `west > east` crosses the antimeridian; longitudes beyond ±180 (as maps report
    /// after panning around the globe) are folded back. A box with a non-finite edge or with
    /// `south > north` is empty.
    pub fn items(&self, bbox: [f64; 4], zoom: u8) -> Vec<MapItem> {
        let [west, south, east, north] = bbox;
        if bbox.iter().any(|v| !v.is_finite()) || south > north {
            return Vec::new();
        }
        let zoom = self.clamp_zoom(zoom);
        let level = self.level(zoom);
        // Projected y grows southwards.
        let min_y = lat_to_y(float::within(north, -90.0, 90.0));
        let max_y = lat_to_y(float::within(south, -90.0, 90.0));
        let mut hits = Vec::new();
        for (from, to) in lon_ranges(west, east).into_iter().flatten() {
            let query = [lon_to_x(from), min_y, lon_to_x(to), max_y];
            range(&level.xy, query, &mut hits);
        }
        hits.into_iter()
            .map(|position| self.item(level, position as usize))
            .collect()
    }

    /// The lowest zoom at which this group breaks apart into more than one item (what a click on
    /// a cluster zooms to).
    ///
    /// Unknown ids yield `max_zoom + 1`, where every point is shown on its own.
    pub fn expansion_zoom(&self, id: ClusterId) -> u8 {
        match self.split(id) {
            Some((zoom, _)) => zoom + 1,
            None => self.options.max_zoom + 1,
        }
    }

    /// The items a group breaks apart into at its [expansion zoom](Self::expansion_zoom); empty
    /// for unknown ids.
    pub fn children(&self, id: ClusterId) -> Vec<MapItem> {
        let Some((zoom, position)) = self.split(id) else {
            return Vec::new();
        };
        let finer = self.level(zoom + 1);
        self.level(zoom)
            .children(position)
            .iter()
            .map(|&child| self.item(finer, child as usize))
            .collect()
    }

    /// All input indices inside a group (recursively).
    ///
    /// Sorted ascending; empty for unknown ids.
    pub fn leaves(&self, id: ClusterId) -> Vec<usize> {
        let Some((zoom, position)) = self.resolve(id) else {
            return Vec::new();
        };
        let mut leaves = Vec::new();
        let mut pending = vec![(zoom, position as u32)];
        while let Some((zoom, position)) = pending.pop() {
            let level = self.level(zoom);
            let node = level.nodes[position as usize];
            if node.is_group() {
                let children = level.children(position as usize);
                pending.extend(children.iter().map(|&child| (zoom + 1, child)));
            } else {
                leaves.push(node.key as usize);
            }
        }
        leaves.sort_unstable();
        leaves
    }

    /// Number of points in the index; skipped input points do not count.
    pub fn len(&self) -> usize {
        self.indexed
    }

    pub fn is_empty(&self) -> bool {
        self.indexed == 0
    }

    /// The options in effect, after out-of-range values were corrected.
    pub fn options(&self) -> ClusterOptions {
        self.options
    }

    fn clamp_zoom(&self, zoom: u8) -> u8 {
        zoom.clamp(self.options.min_zoom, self.options.max_zoom + 1)
    }

    /// Callers pass zooms within `min_zoom..=max_zoom + 1`.
    fn level(&self, zoom: u8) -> &Level {
        &self.levels[usize::from(zoom - self.options.min_zoom)]
    }

    /// Zoom and position of the group's own node, or `None` if the id does not name a group of
    /// this index.
    fn resolve(&self, id: ClusterId) -> Option<(u8, usize)> {
        let zoom = u8::try_from(id.zoom()).ok()?;
        if zoom < self.options.min_zoom || zoom > self.options.max_zoom {
            return None;
        }
        let position = id.position();
        let node = self.level(zoom).nodes.get(position)?;
        let formed = self.groups.get(node.key as usize)?;
        (node.is_group() && *formed == (zoom, position as u32)).then_some((zoom, position))
    }

    /// Zoom and position of the node whose children are the group's first split.
    fn split(&self, id: ClusterId) -> Option<(u8, usize)> {
        let (mut zoom, mut position) = self.resolve(id)?;
        // A group is linked where it was formed, which already has at least two children; the
        // walk only guards that invariant instead of trusting it.
        while zoom < self.options.max_zoom {
            match self.level(zoom).children(position) {
                [only] => {
                    zoom += 1;
                    position = *only as usize;
                }
                _ => break,
            }
        }
        Some((zoom, position))
    }

    fn item(&self, level: &Level, position: usize) -> MapItem {
        let node = level.nodes[position];
        if node.is_group() {
            let (zoom, formed_at) = self.groups[node.key as usize];
            let [x, y] = level.xy[position];
            MapItem::Group {
                id: ClusterId::new(zoom, formed_at),
                lon: x_to_lon(x),
                lat: y_to_lat(y),
                count: node.count as usize,
            }
        } else {
            let index = node.key as usize;
            let (lon, lat) = self.input[index];
            MapItem::Single { index, lon, lat }
        }
    }
}

fn is_valid(lon: f64, lat: f64) -> bool {
    (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat)
}

/// Web Mercator to the unit square, so that distances match what the map draws.
fn lon_to_x(lon: f64) -> f64 {
    lon / 360.0 + 0.5
}

fn lat_to_y(lat: f64) -> f64 {
    let sin = float::sin(lat.to_radians());
    let y = 0.5 - 0.25 * float::ln((1.0 + sin) / (1.0 - sin)) / PI;
    // The poles project to infinity; pin them to the edge like map tiles do.
    float::within(y, 0.0, 1.0)
}

fn x_to_lon(x: f64) -> f64 {
    (x - 0.5) * 360.0
}

fn y_to_lat(y: f64) -> f64 {
    float::atan(float::exp(PI * (1.0 - 2.0 * y))).to_degrees() * 2.0 - 90.0
}

/// Splits a longitude span into at most two ranges within [-180, 180].
fn lon_ranges(west: f64, east: f64) -> [Option<(f64, f64)>; 2] {
    const WORLD: [Option<(f64, f64)>; 2] = [Some((-180.0, 180.0)), None];
    if east - west >= 360.0 {
        return WORLD;
    }
    let in_range = |lon: f64| (-180.0..=180.0).contains(&lon);
    // The common case is kept free of arithmetic so that edges match input values exactly.
    if in_range(west) && in_range(east) {
        return if west <= east {
            [Some((west, east)), None]
        } else {
            [Some((west, 180.0)), Some((-180.0, east))]
        };
    }
    let span = if east >= west {
        east - west
    } else {
        east - west + 360.0
    };
    if span >= 360.0 {
        return WORLD;
    }
    let start = float::wrap(west + 180.0, 360.0) - 180.0;
    let end = start + span;
    if end <= 180.0 {
        [Some((start, end)), None]
    } else {
        [Some((start, 180.0)), Some((-180.0, end - 360.0))]
    }
}

/// Lays created nodes out in KD-tree order and carries their child lists along. Returns the
/// level and, for each created node, its new position, which is the order the next coarser
/// level visits them in.
fn arrange(
    created: &[([f64; 2], Node)],
    children: &[u32],
    child_start: &[u32],
) -> (Level, Vec<u32>) {
    let mut entries: Vec<SortEntry> = created
        .iter()
        .enumerate()
        .map(|(index, &([x, y], _))| SortEntry {
            // Adding zero turns a negative zero, whose bits would sort last, into a positive one.
            x: (x + 0.0).to_bits(),
            y: (y + 0.0).to_bits(),
            index: index as u32,
        })
        .collect();
    kd_sort(&mut entries, true);

    let linked = !child_start.is_empty();
    let mut order = vec![0u32; created.len()];
    let mut xy = Vec::with_capacity(created.len());
    let mut nodes = Vec::with_capacity(created.len());
    let mut level_start = Vec::with_capacity(if linked { created.len() + 1 } else { 0 });
    let mut level_children = Vec::with_capacity(children.len());
    for (position, entry) in entries.iter().enumerate() {
        let index = entry.index as usize;
        order[index] = position as u32;
        xy.push(created[index].0);
        nodes.push(created[index].1);
        if linked {
            level_start.push(level_children.len() as u32);
            let (start, end) = (child_start[index] as usize, child_start[index + 1] as usize);
            level_children.extend_from_slice(&children[start..end]);
        }
    }
    if linked {
        level_start.push(level_children.len() as u32);
    }
    let level = Level {
        xy,
        nodes,
        child_start: level_start,
        child_ids: level_children,
    };
    (level, order)
}

/// A node's position tagged with where it was created, so that its metadata and children can
/// follow it into tree order after the sort.
///
/// Coordinates are kept as their bit patterns: for the non-negative values of the unit square
/// these order exactly like the numbers, and integer comparisons make the sort markedly faster.
#[derive(Clone, Copy)]
struct SortEntry {
    x: u64,
    y: u64,
    index: u32,
}

/// Median split on alternating axes. `select_nth_unstable_by_key` involves no randomness, so equal
/// input always yields the same layout, which keeps query results reproducible.
fn kd_sort(entries: &mut [SortEntry], split_x: bool) {
    if entries.len() <= LEAF_SIZE {
        return;
    }
    let middle = entries.len() / 2;
    if split_x {
        entries.select_nth_unstable_by_key(middle, |entry| entry.x);
    } else {
        entries.select_nth_unstable_by_key(middle, |entry| entry.y);
    }
    let (lower, upper) = entries.split_at_mut(middle);
    kd_sort(lower, !split_x);
    kd_sort(&mut upper[1..], !split_x);
}

/// Positions of points inside `[min_x, min_y, max_x, max_y]`, in the order the walk finds them.
fn range(points: &[[f64; 2]], query: [f64; 4], out: &mut Vec<u32>) {
    let [min_x, min_y, max_x, max_y] = query;
    let inside = |[x, y]: [f64; 2]| x >= min_x && x <= max_x && y >= min_y && y <= max_y;
    search(points, query, inside, out);
}

/// Positions of points within `radius` of `(x, y)`, in the order the walk finds them.
fn within(points: &[[f64; 2]], x: f64, y: f64, radius: f64, out: &mut Vec<u32>) {
    let query = [x - radius, y - radius, x + radius, y + radius];
    let limit = radius * radius;
    let near = |[px, py]: [f64; 2]| (px - x) * (px - x) + (py - y) * (py - y) <= limit;
    search(points, query, near, out);
}

/// Walks the tree laid out by [`kd_sort`], descending only into halves the query box reaches.
fn search(
    points: &[[f64; 2]],
    query: [f64; 4],
    accept: impl Fn([f64; 2]) -> bool,
    out: &mut Vec<u32>,
) {
    // Halving at most u32::MAX points takes fewer than 32 steps, and each step leaves at most
    // one sibling waiting, so a small fixed stack suffices.
    let mut pending = [(0u32, 0u32, 0u8); 40];
    pending[0] = (0, points.len() as u32, 0);
    let mut depth = 1;
    while depth > 0 {
        depth -= 1;
        let (start, end, axis) = pending[depth];
        let (start, end, axis) = (start as usize, end as usize, usize::from(axis));
        if end - start <= LEAF_SIZE {
            for (i, &point) in points[start..end].iter().enumerate() {
                if accept(point) {
                    out.push((start + i) as u32);
                }
            }
            continue;
        }
        let middle = start + (end - start) / 2;
        let pivot = points[middle];
        if accept(pivot) {
            out.push(middle as u32);
        }
        let next_axis = 1 - axis as u8;
        if query[axis + 2] >= pivot[axis] {
            pending[depth] = (middle as u32 + 1, end as u32, next_axis);
            depth += 1;
        }
        if query[axis] <= pivot[axis] {
            pending[depth] = (start as u32, middle as u32, next_axis);
            depth += 1;
        }
    }
}

/// Where a group marker's offers are, for its accessible name ("7 Angebote in Dülmen –
/// vergrößern"): the place of most of them, and whether all are there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupPlace<'a> {
    Unknown,
    Only(&'a str),
    Mostly(&'a str),
}

pub fn group_place<'a>(places: &[&'a str]) -> GroupPlace<'a> {
    let mut tally: Vec<(&str, usize)> = Vec::new();
    for place in places.iter().filter(|place| !place.is_empty()) {
        match tally.iter_mut().find(|(known, _)| known == place) {
            Some((_, n)) => *n += 1,
            None => tally.push((place, 1)),
        }
    }
    // The most frequent place; on a tie the first met, so the name does not flicker.
    let top = tally
        .iter()
        .enumerate()
        .max_by_key(|(index, (_, n))| (*n, std::cmp::Reverse(*index)))
        .map(|(_, (place, _))| *place);
    match (top, tally.len()) {
        (None, _) => GroupPlace::Unknown,
        (Some(place), 1) => GroupPlace::Only(place),
        (Some(place), _) => GroupPlace::Mostly(place),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_labels_name_the_place_of_most_offers() {
        assert_eq!(
            group_place(&["Dülmen", "Dülmen", "Dülmen"]),
            GroupPlace::Only("Dülmen")
        );
        assert_eq!(
            group_place(&["Lüdinghausen", "Dülmen", "Dülmen", "Senden"]),
            GroupPlace::Mostly("Dülmen")
        );
        assert_eq!(
            group_place(&["Nottuln", "Havixbeck"]),
            GroupPlace::Mostly("Nottuln")
        );
        assert_eq!(group_place(&[]), GroupPlace::Unknown);
    }
    use std::collections::BTreeSet;

    const WORLD: [f64; 4] = [-180.0, -90.0, 180.0, 90.0];

    use crate::shared::prng::SplitMix64 as SplitMix;

    /// Scattered points over Germany, tight clumps around a few cities, and exact duplicates,
    /// since each of these stresses the grouping differently.
    fn sample(n: usize, seed: u64) -> Vec<(f64, f64)> {
        let mut rng = SplitMix(seed);
        let centres = [(13.4, 52.5), (11.6, 48.1), (6.96, 50.94), (9.99, 53.55)];
        let mut points = Vec::with_capacity(n);
        for i in 0..n {
            let point = match i % 4 {
                0 | 1 => (rng.between_f64(6.0, 15.0), rng.between_f64(47.0, 55.0)),
                2 => {
                    let (lon, lat) = centres[(rng.next_u64() % 4) as usize];
                    (
                        lon + rng.between_f64(-0.05, 0.05) * rng.unit(),
                        lat + rng.between_f64(-0.05, 0.05) * rng.unit(),
                    )
                }
                _ => points[(rng.next_u64() % i as u64) as usize],
            };
            points.push(point);
        }
        points
    }

    fn leaves_of(index: &ClusterIndex, item: &MapItem) -> Vec<usize> {
        match item {
            MapItem::Single { index: i, .. } => vec![*i],
            MapItem::Group { id, .. } => index.leaves(*id),
        }
    }

    fn position(item: &MapItem) -> (f64, f64) {
        match *item {
            MapItem::Single { lon, lat, .. } | MapItem::Group { lon, lat, .. } => (lon, lat),
        }
    }

    fn groups(items: &[MapItem]) -> Vec<(ClusterId, usize)> {
        items
            .iter()
            .filter_map(|item| match item {
                MapItem::Group { id, count, .. } => Some((*id, *count)),
                MapItem::Single { .. } => None,
            })
            .collect()
    }

    /// Spelled out independently of the code under test: 60 px on 256 px tiles.
    fn default_radius(zoom: u8) -> f64 {
        60.0 / 256.0 / f64::from(1u32 << zoom)
    }

    fn finest(index: &ClusterIndex) -> u8 {
        index.options().max_zoom + 1
    }

    #[test]
    fn every_point_appears_exactly_once_at_every_zoom() {
        let points = sample(3_000, 1);
        for options in [
            ClusterOptions::default(),
            ClusterOptions {
                min_zoom: 3,
                max_zoom: 12,
                min_points: 5,
                radius_px: 40.0,
                ..ClusterOptions::default()
            },
        ] {
            let index = ClusterIndex::new(&points, options);
            assert_eq!(index.len(), points.len());
            for zoom in options.min_zoom..=options.max_zoom + 1 {
                let items = index.items(WORLD, zoom);
                let mut seen = Vec::new();
                let mut total = 0;
                for item in &items {
                    let leaves = leaves_of(&index, item);
                    match item {
                        MapItem::Single { .. } => total += 1,
                        MapItem::Group { count, .. } => {
                            assert_eq!(*count, leaves.len(), "group count vs leaves at {zoom}");
                            assert!(*count >= options.min_points, "undersized group at {zoom}");
                            total += count;
                        }
                    }
                    seen.extend(leaves);
                }
                assert_eq!(total, points.len(), "counts at zoom {zoom}");
                seen.sort_unstable();
                assert_eq!(seen, (0..points.len()).collect::<Vec<_>>(), "zoom {zoom}");
            }
        }
    }

    #[test]
    fn grouping_actually_happens_and_finest_zoom_is_all_singles() {
        let points = sample(2_000, 2);
        let index = ClusterIndex::new(&points, ClusterOptions::default());
        assert!(index.items(WORLD, 0).len() < 20);
        assert!(groups(&index.items(WORLD, 12)).len() > 10);
        let finest = index.items(WORLD, finest(&index));
        assert_eq!(finest.len(), points.len());
        assert!(groups(&finest).is_empty());
        for item in &finest {
            let MapItem::Single { index: i, lon, lat } = *item else {
                unreachable!()
            };
            assert_eq!((lon, lat), points[i]);
        }
    }

    #[test]
    fn zoom_is_clamped_to_the_built_levels() {
        let points = sample(500, 3);
        let options = ClusterOptions {
            min_zoom: 4,
            max_zoom: 9,
            ..ClusterOptions::default()
        };
        let index = ClusterIndex::new(&points, options);
        assert_eq!(index.items(WORLD, 0), index.items(WORLD, 4));
        assert_eq!(index.items(WORLD, 200), index.items(WORLD, 10));
        assert_ne!(index.items(WORLD, 4), index.items(WORLD, 10));
    }

    #[test]
    fn group_members_stay_near_the_group() {
        // Each level merges only within its radius of a seed, so leaves can drift at most
        // r + r/2 + r/4 + ... doubled from the group's centre.
        let points = sample(2_000, 4);
        let index = ClusterIndex::new(&points, ClusterOptions::default());
        for zoom in 0..finest(&index) {
            let limit = 4.0 * default_radius(zoom) + 1e-12;
            for item in index.items(WORLD, zoom) {
                if let MapItem::Group { lon, lat, .. } = item {
                    let (gx, gy) = (lon_to_x(lon), lat_to_y(lat));
                    for leaf in leaves_of(&index, &item) {
                        let (px, py) = (lon_to_x(points[leaf].0), lat_to_y(points[leaf].1));
                        let distance = ((px - gx).powi(2) + (py - gy).powi(2)).sqrt();
                        assert!(distance <= limit, "leaf {leaf} at zoom {zoom}: {distance}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_group_sits_at_the_mean_of_its_points() {
        let points = sample(2_000, 9);
        let index = ClusterIndex::new(&points, ClusterOptions::default());
        for zoom in 0..finest(&index) {
            for item in index.items(WORLD, zoom) {
                let MapItem::Group { id, lon, lat, .. } = item else {
                    continue;
                };
                let leaves = index.leaves(id);
                let n = leaves.len() as f64;
                let mean_x = leaves.iter().map(|&i| lon_to_x(points[i].0)).sum::<f64>() / n;
                let mean_y = leaves.iter().map(|&i| lat_to_y(points[i].1)).sum::<f64>() / n;
                assert!((lon_to_x(lon) - mean_x).abs() < 1e-12, "zoom {zoom}");
                assert!((lat_to_y(lat) - mean_y).abs() < 1e-12, "zoom {zoom}");
            }
        }
    }

    #[test]
    fn items_carried_over_unmerged_are_farther_apart_than_the_radius() {
        // Greedy merging takes every unvisited neighbour, so two items that both survive a
        // level unmerged (singles, and groups formed at a finer zoom) cannot be that close.
        let points = sample(600, 10);
        let index = ClusterIndex::new(&points, ClusterOptions::default());
        for zoom in 0..finest(&index) {
            let radius = default_radius(zoom);
            let carried: Vec<(f64, f64)> = index
                .items(WORLD, zoom)
                .iter()
                .filter(|item| match item {
                    MapItem::Single { .. } => true,
                    MapItem::Group { id, .. } => id.zoom() > u64::from(zoom),
                })
                .map(|item| {
                    let (lon, lat) = position(item);
                    (lon_to_x(lon), lat_to_y(lat))
                })
                .collect();
            for (i, a) in carried.iter().enumerate() {
                for b in &carried[i + 1..] {
                    let distance = ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt();
                    assert!(distance > radius * (1.0 - 1e-9), "zoom {zoom}: {distance}");
                }
            }
        }
    }

    #[test]
    fn building_twice_gives_identical_results() {
        let points = sample(3_000, 5);
        let a = ClusterIndex::new(&points, ClusterOptions::default());
        let b = ClusterIndex::new(&points, ClusterOptions::default());
        for zoom in 0..=finest(&a) {
            let items = a.items(WORLD, zoom);
            assert_eq!(items, b.items(WORLD, zoom), "zoom {zoom}");
            for (id, _) in groups(&items) {
                assert_eq!(a.leaves(id), b.leaves(id));
                assert_eq!(a.expansion_zoom(id), b.expansion_zoom(id));
            }
        }
    }

    #[test]
    fn close_points_group_until_the_finest_zoom_and_far_points_never() {
        // One metre east of Berlin's centre.
        let metre_in_lon = 1.0 / (111_320.0 * float::cos(52.52f64.to_radians()));
        let berlin = (13.405, 52.52);
        let points = [
            berlin,
            (berlin.0 + metre_in_lon, berlin.1),
            (151.21, -33.87),
            (-74.0, 40.71),
        ];
        let index = ClusterIndex::new(&points, ClusterOptions::default());

        let at5 = index.items(WORLD, 5);
        let grouped = groups(&at5);
        assert_eq!(grouped.len(), 1);
        assert_eq!(index.leaves(grouped[0].0), vec![0, 1]);
        assert_eq!(at5.len(), 3);

        let at_finest = index.items(WORLD, finest(&index));
        assert!(groups(&at_finest).is_empty());
        assert_eq!(at_finest.len(), 4);

        for zoom in 0..=finest(&index) {
            for (id, _) in groups(&index.items(WORLD, zoom)) {
                assert_eq!(index.leaves(id), vec![0, 1], "zoom {zoom}");
            }
        }
    }

    #[test]
    fn an_unchanged_group_keeps_its_id_across_zooms() {
        let points = [(13.405, 52.52), (13.4051, 52.52), (-74.0, 40.71)];
        let index = ClusterIndex::new(&points, ClusterOptions::default());
        let ids: BTreeSet<_> = (0..=16)
            .flat_map(|zoom| groups(&index.items(WORLD, zoom)))
            .map(|(id, _)| id.0)
            .collect();
        assert_eq!(ids.len(), 1);
    }

    #[test]
    fn expansion_zoom_is_where_the_group_splits() {
        let points = sample(2_000, 6);
        let index = ClusterIndex::new(&points, ClusterOptions::default());
        let mut checked = 0;
        for zoom in [0, 3, 7, 10, 14, 16] {
            for (id, count) in groups(&index.items(WORLD, zoom)) {
                let expansion = index.expansion_zoom(id);
                assert!(expansion > zoom && expansion <= finest(&index));
                let leaves = index.leaves(id);
                assert_eq!(leaves.len(), count);

                // Up to the zoom before, the group is still shown as one.
                let before = index.items(WORLD, expansion - 1);
                assert!(groups(&before).contains(&(id, count)));

                let pad = 1e-9;
                let mut bbox = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
                for &leaf in &leaves {
                    let (lon, lat) = points[leaf];
                    bbox = [
                        bbox[0].min(lon - pad),
                        bbox[1].min(lat - pad),
                        bbox[2].max(lon + pad),
                        bbox[3].max(lat + pad),
                    ];
                }
                let members: BTreeSet<usize> = leaves.iter().copied().collect();
                let mut parts = 0;
                let mut covered = BTreeSet::new();
                for item in index.items(bbox, expansion) {
                    let item_leaves: BTreeSet<usize> =
                        leaves_of(&index, &item).into_iter().collect();
                    if item_leaves.is_disjoint(&members) {
                        continue;
                    }
                    assert!(item_leaves.is_subset(&members));
                    parts += 1;
                    covered.extend(item_leaves);
                }
                assert!(parts > 1, "group of {count} did not split at {expansion}");
                assert_eq!(covered, members);

                let children = index.children(id);
                assert_eq!(children.len(), parts);
                let child_total: usize = children
                    .iter()
                    .map(|child| leaves_of(&index, child).len())
                    .sum();
                assert_eq!(child_total, count);
                checked += 1;
            }
        }
        assert!(checked > 50);
    }

    #[test]
    fn duplicates_only_separate_beyond_max_zoom() {
        let points = vec![(8.68, 50.11); 5];
        let index = ClusterIndex::new(&points, ClusterOptions::default());
        let at_max = index.items(WORLD, 16);
        let [MapItem::Group { id, count: 5, .. }] = at_max.as_slice() else {
            panic!("expected one group of five, got {at_max:?}");
        };
        assert_eq!(index.expansion_zoom(*id), 17);
        assert_eq!(index.children(*id).len(), 5);
        assert_eq!(index.items(WORLD, 17).len(), 5);
    }

    #[test]
    fn min_points_keeps_small_gatherings_apart() {
        let options = ClusterOptions {
            min_points: 3,
            ..ClusterOptions::default()
        };
        let pair = [(10.0, 50.0), (10.001, 50.0)];
        let index = ClusterIndex::new(&pair, options);
        for zoom in 0..=17 {
            assert!(groups(&index.items(WORLD, zoom)).is_empty());
        }
        let triple = [(10.0, 50.0), (10.001, 50.0), (10.0, 50.001)];
        let index = ClusterIndex::new(&triple, options);
        let items = index.items(WORLD, 5);
        let [MapItem::Group { id, count: 3, .. }] = items.as_slice() else {
            panic!("expected one group of three, got {items:?}");
        };
        assert_eq!(index.leaves(*id), vec![0, 1, 2]);
    }

    #[test]
    fn bbox_returns_only_items_inside_it() {
        let points = sample(3_000, 7);
        let index = ClusterIndex::new(&points, ClusterOptions::default());
        let bbox = [8.0, 49.0, 11.0, 52.0];
        let inside = |(lon, lat): (f64, f64)| {
            lon >= bbox[0] && lon <= bbox[2] && lat >= bbox[1] && lat <= bbox[3]
        };
        for zoom in [0, 5, 9, 12, 17] {
            let items = index.items(bbox, zoom);
            let world = index.items(WORLD, zoom);
            assert!(items.len() < world.len() || zoom == 0);
            for item in &items {
                assert!(inside(position(item)), "{item:?} at zoom {zoom}");
            }
            let expected = world.iter().filter(|item| inside(position(item))).count();
            assert_eq!(items.len(), expected, "zoom {zoom}");
        }
        let singles: BTreeSet<usize> = index
            .items(bbox, 17)
            .iter()
            .flat_map(|item| leaves_of(&index, item))
            .collect();
        let expected: BTreeSet<usize> = (0..points.len()).filter(|&i| inside(points[i])).collect();
        assert!(!expected.is_empty() && expected.len() < points.len());
        assert_eq!(singles, expected);
    }

    #[test]
    fn bbox_across_the_antimeridian_and_around_the_world() {
        let points = [(179.5, 10.0), (-179.5, 10.0), (0.0, 10.0), (180.0, -10.0)];
        let index = ClusterIndex::new(&points, ClusterOptions::default());
        let indices = |bbox: [f64; 4]| {
            let mut found: Vec<usize> = index
                .items(bbox, 17)
                .iter()
                .flat_map(|item| leaves_of(&index, item))
                .collect();
            found.sort_unstable();
            found
        };
        assert_eq!(indices([179.0, 0.0, -179.0, 20.0]), vec![0, 1]);
        assert_eq!(indices([179.0, -20.0, -179.0, 20.0]), vec![0, 1, 3]);
        // The same window, reported by a map panned once around the globe.
        assert_eq!(
            indices([179.0 + 360.0, 0.0, 181.0 + 360.0, 20.0]),
            vec![0, 1]
        );
        assert_eq!(indices([-181.0, 0.0, -179.0, 20.0]), vec![0, 1]);
        assert_eq!(indices([-1.0, 0.0, 1.0, 20.0]), vec![2]);
        assert_eq!(indices([-180.0, -90.0, 180.0, 90.0]), vec![0, 1, 2, 3]);
        assert_eq!(indices([-500.0, -90.0, 500.0, 90.0]), vec![0, 1, 2, 3]);
        assert_eq!(indices([10.0, 20.0, 20.0, 0.0]), Vec::<usize>::new());
        assert_eq!(indices([f64::NAN, 0.0, 1.0, 20.0]), Vec::<usize>::new());
    }

    #[test]
    fn invalid_points_are_skipped_and_indices_kept() {
        let points = [
            (13.4, 52.5),
            (f64::NAN, 50.0),
            (10.0, 95.0),
            (200.0, 0.0),
            (f64::INFINITY, 0.0),
            (10.0, f64::NEG_INFINITY),
            (13.4001, 52.5),
            (0.0, 90.0),
        ];
        let index = ClusterIndex::new(&points, ClusterOptions::default());
        assert_eq!(index.len(), 3);
        let mut at_finest: Vec<usize> = index
            .items(WORLD, 17)
            .iter()
            .flat_map(|item| leaves_of(&index, item))
            .collect();
        at_finest.sort_unstable();
        assert_eq!(at_finest, vec![0, 6, 7]);
        let grouped = groups(&index.items(WORLD, 5));
        assert_eq!(grouped.len(), 1);
        assert_eq!(index.leaves(grouped[0].0), vec![0, 6]);
    }

    #[test]
    fn empty_input_gives_empty_results() {
        let index = ClusterIndex::new(&[], ClusterOptions::default());
        assert!(index.is_empty());
        assert_eq!(index.len(), 0);
        for zoom in 0..=20 {
            assert!(index.items(WORLD, zoom).is_empty());
        }
        let only_invalid = ClusterIndex::new(&[(f64::NAN, f64::NAN)], ClusterOptions::default());
        assert!(only_invalid.is_empty());
        assert!(only_invalid.items(WORLD, 3).is_empty());
    }

    #[test]
    fn foreign_ids_and_odd_options_do_not_panic() {
        let points = sample(1_000, 8);
        let big = ClusterIndex::new(&points, ClusterOptions::default());
        let small = ClusterIndex::new(&points[..3], ClusterOptions::default());
        let empty = ClusterIndex::new(&[], ClusterOptions::default());
        for zoom in 0..=17 {
            for (id, _) in groups(&big.items(WORLD, zoom)) {
                for other in [&small, &empty] {
                    let _ = other.leaves(id);
                    let _ = other.children(id);
                    assert!(other.expansion_zoom(id) <= 17);
                }
            }
        }
        assert!(empty.leaves(ClusterId(u64::MAX)).is_empty());
        assert_eq!(big.expansion_zoom(ClusterId(u64::MAX)), 17);

        let odd = ClusterOptions {
            radius_px: f64::NAN,
            tile_extent_px: 0.0,
            min_zoom: 250,
            max_zoom: 255,
            min_points: 0,
        };
        let index = ClusterIndex::new(&points[..50], odd);
        let used = index.options();
        assert_eq!(used.max_zoom, MAX_SUPPORTED_ZOOM);
        assert_eq!(used.min_zoom, MAX_SUPPORTED_ZOOM);
        assert_eq!(used.min_points, 2);
        assert_eq!(used.radius_px, 60.0);
        assert_eq!(used.tile_extent_px, 256.0);
        assert_eq!(index.items(WORLD, 0).len(), index.items(WORLD, 30).len());
        assert_eq!(index.items(WORLD, 255).len(), 50);
    }

    #[test]
    fn projection_round_trips() {
        for (lon, lat) in [(0.0, 0.0), (13.4, 52.5), (-179.9, -84.0), (180.0, 85.0)] {
            assert!((x_to_lon(lon_to_x(lon)) - lon).abs() < 1e-9);
            assert!((y_to_lat(lat_to_y(lat)) - lat).abs() < 1e-9);
        }
        assert_eq!(lat_to_y(90.0), 0.0);
        assert_eq!(lat_to_y(-90.0), 1.0);
    }
}
