//! The results of a discussion's statements stage: the opinion map as an
//! SVG drawing (`role="img"` with its title and description) and the
//! same figures in tables — each group's size and place on the map, the
//! statements that set each group apart with every group's agreement,
//! and the statements most agree on across groups. Groups are named by
//! letter and described only by how their members voted. What is shown
//! is what the background job last computed; nothing is computed here.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::consultation::Status;
use cohesion_services::discussions::opinions::{self, OpinionMap, Results};
use cohesion_ui::discussions::opinions::{
    GroupView, MapDot, MapDrawing, MapShape, OpinionsPage, StatementRow,
};
use cohesion_ui::Phrase;
use uuid::Uuid;

use super::translated::title_shown;
use super::vote::with_stage;
use super::wording::status_of;
use crate::kit::{respond, AppError, PageCtx};

/// The groups' colours, told apart also by their letters on the map and
/// in the tables.
const COLOURS: [&str; 5] = ["#1d70b8", "#d4351c", "#00703c", "#4c2c92", "#b58840"];
const OUTSIDE: &str = "#6f777b";
const WIDTH: u32 = 600;
const HEIGHT: u32 = 400;
const MARGIN: f64 = 30.0;

/// `GET /discussions/{id}/opinions`.
pub(super) async fn show(ctx: PageCtx, Path(id): Path<String>) -> Result<Response, AppError> {
    let d = with_stage(&ctx, &id).await?;
    let results = opinions::results(&ctx.state.db, ctx.user.0.as_ref(), d.id).await?;
    let path = format!("/discussions/{}", d.id);
    let mut ui = ctx
        .chrome_for(&format!("{path}/opinions"), "opinions-title")
        .await?;
    ui.title = ctx.t("opinions-title").into();
    let closed = status_of(&d) == Status::Closed;
    let (lead, not_ready) = lead_of(&ctx, &results, closed);
    let l = ctx.locale();
    let map = results.map.as_ref().filter(|m| m.ready && results.voted);
    let names: Vec<String> = map
        .map(|m| m.groups.iter().map(|g| group_name(&ctx, g.id)).collect())
        .unwrap_or_default();
    let mut statement_head = vec![ctx.t("opinions-statement"), ctx.t("opinions-stance")];
    statement_head.extend(
        names
            .iter()
            .map(|n| l.t_plain("opinions-group-agreement", &[("group", n.as_str().into())])),
    );
    let view = OpinionsPage {
        back: (path.clone(), ctx.t("discussion-thread-back")),
        discussion: (path.clone(), title_shown(&ctx, &d).await?),
        lead,
        not_ready,
        map: map.map(|m| drawing(&ctx, m, &names)),
        groups_caption: ctx.t("opinions-groups-caption"),
        groups_head: vec![
            ctx.t("opinions-group"),
            ctx.t("opinions-group-size"),
            ctx.t("opinions-group-position"),
        ],
        groups: map
            .map(|m| groups(&ctx, m, &results, &names))
            .unwrap_or_default(),
        statement_head,
        consensus_caption: ctx.t("opinions-consensus-caption"),
        consensus: map
            .map(|m| {
                m.consensus
                    .iter()
                    .filter_map(|c| shared(&ctx, &results, c.statement, c.agree, c.share, false))
                    .collect()
            })
            .unwrap_or_default(),
        bridging_caption: ctx.t("opinions-bridging-caption"),
        bridging: map
            .map(|m| {
                m.bridging
                    .iter()
                    .filter_map(|c| shared(&ctx, &results, c.statement, true, c.share, true))
                    .collect()
            })
            .unwrap_or_default(),
        share_head: ctx.t("opinions-share"),
        statement_label: ctx.t("opinions-statement"),
        // Nothing voted, nothing drawn: no words about dots and groups.
        explained: match results.voted {
            true => vec![
                ctx.t("opinions-explained-map"),
                ctx.t("opinions-explained-groups"),
            ],
            false => Vec::new(),
        },
        vote_link: (format!("{path}/vote"), ctx.t("opinions-vote-link")),
        ui: ui.with_nav("discussions"),
    };
    respond(StatusCode::OK, view, None)
}

/// How many voted and when the map was drawn, and what to say instead of
/// the map when there is none yet or it has no groups.
fn lead_of(ctx: &PageCtx, results: &Results, closed: bool) -> (Vec<Phrase>, Option<String>) {
    let l = ctx.locale();
    let mut lead = Vec::new();
    let mut not_ready = None;
    // Before the first vote there is nothing to show: say so, not how
    // views grouped (a map drawn then has no one on it).
    if !results.voted {
        let said = match closed {
            true => "opinions-no-votes-closed",
            false => "opinions-no-votes-yet",
        };
        return (lead, Some(ctx.t(said)));
    }
    match (&results.map, results.computed_at) {
        (Some(map), Some(at)) => {
            lead.push(Phrase::from(l.t_plain(
                "opinions-counts",
                &[
                    ("voters", (map.voters as u64).into()),
                    ("votes", (map.votes as u64).into()),
                ],
            )));
            // The groups hold fewer than voted: say who is left out, and why.
            if let Some(placed) = map.placed.filter(|p| map.ready && *p < map.voters) {
                lead.push(Phrase::from(l.t_plain(
                    "opinions-unplaced",
                    &[
                        ("unplaced", ((map.voters - placed) as u64).into()),
                        ("placed", (placed as u64).into()),
                        ("min", u64::from(map.min_votes).into()),
                    ],
                )));
            }
            let dates = ctx.dates();
            lead.push(dates.with("opinions-updated", "when", dates.instant(at.as_offset())));
            if !map.ready {
                not_ready = Some(ctx.t("opinions-not-enough"));
            }
        }
        _ => not_ready = Some(ctx.t("opinions-not-computed")),
    }
    (lead, not_ready)
}

fn group_name(ctx: &PageCtx, id: usize) -> String {
    ctx.t(&format!("opinions-group-{}", id.min(4)))
}

fn percent(ctx: &PageCtx, share: f64) -> String {
    let whole = (share.clamp(0.0, 1.0) * 100.0).round() as u64;
    ctx.locale()
        .t_plain("opinions-percent", &[("percent", whole.into())])
}

/// A consensus or bridging statement, if it is still shown.
fn shared(
    ctx: &PageCtx,
    results: &Results,
    statement: Uuid,
    agree: bool,
    share: f64,
    bridging: bool,
) -> Option<StatementRow> {
    let s = results.statement(statement)?;
    let id = match (bridging, agree) {
        (true, _) => "opinions-bridging-share",
        (false, true) => "opinions-consensus-agree",
        (false, false) => "opinions-consensus-disagree",
    };
    Some(StatementRow {
        text: Phrase::isolated(&s.body),
        stance: ctx.locale().t_plain(
            id,
            &[(
                "percent",
                (((share.clamp(0.0, 1.0)) * 100.0).round() as u64).into(),
            )],
        ),
        shares: Vec::new(),
    })
}

/// Each group: its size, where it is, and the statements that set it
/// apart with every group's agreement.
fn groups(ctx: &PageCtx, m: &OpinionMap, results: &Results, names: &[String]) -> Vec<GroupView> {
    let (lo, hi) = bounds(m);
    m.groups
        .iter()
        .map(|g| GroupView {
            name: names.get(g.id).cloned().unwrap_or_default(),
            size: ctx
                .locale()
                .t_plain("opinions-people", &[("count", (g.size as u64).into())]),
            position: position(ctx, g.centre, lo, hi),
            statements: g
                .representative
                .iter()
                .filter_map(|r| {
                    let s = results.statement(r.statement)?;
                    Some(StatementRow {
                        text: Phrase::isolated(&s.body),
                        stance: ctx.t(match r.agree {
                            true => "opinions-stance-agree",
                            false => "opinions-stance-disagree",
                        }),
                        shares: r
                            .agreement
                            .iter()
                            .map(|a| match a {
                                Some(share) => percent(ctx, *share),
                                None => ctx.t("opinions-no-votes"),
                            })
                            .collect(),
                    })
                })
                .collect(),
        })
        .collect()
}

/// Where a point lies on the map, in words: left, middle or right, and
/// top, middle or bottom.
fn position(ctx: &PageCtx, at: [f64; 2], lo: [f64; 2], hi: [f64; 2]) -> String {
    let third = |v: f64, lo: f64, hi: f64| {
        let t = if hi > lo { (v - lo) / (hi - lo) } else { 0.5 };
        match t {
            t if t < 1.0 / 3.0 => 0,
            t if t > 2.0 / 3.0 => 2,
            _ => 1,
        }
    };
    let across = ["opinions-left", "opinions-centre", "opinions-right"][third(at[0], lo[0], hi[0])];
    // Up on the map is a higher second coordinate.
    let up = ["opinions-bottom", "opinions-middle", "opinions-top"][third(at[1], lo[1], hi[1])];
    ctx.locale().t_plain(
        "opinions-position",
        &[("across", ctx.t(across).into()), ("up", ctx.t(up).into())],
    )
}

fn bounds(m: &OpinionMap) -> ([f64; 2], [f64; 2]) {
    let mut lo = [f64::INFINITY; 2];
    let mut hi = [f64::NEG_INFINITY; 2];
    for p in &m.points {
        lo = [lo[0].min(p.x), lo[1].min(p.y)];
        hi = [hi[0].max(p.x), hi[1].max(p.y)];
    }
    if !lo[0].is_finite() {
        return ([-1.0, -1.0], [1.0, 1.0]);
    }
    (lo, hi)
}

/// The drawing's description: how many people in how many groups, and
/// each group's size.
fn describe(ctx: &PageCtx, m: &OpinionMap, names: &[String]) -> String {
    let l = ctx.locale();
    let mut desc = vec![l.t_plain(
        "opinions-map-desc",
        &[
            ("people", (m.points.len() as u64).into()),
            ("groups", (m.groups.len() as u64).into()),
        ],
    )];
    for g in &m.groups {
        desc.push(l.t_plain(
            "opinions-map-desc-group",
            &[
                ("group", names.get(g.id).cloned().unwrap_or_default().into()),
                ("count", (g.size as u64).into()),
            ],
        ));
    }
    desc.join(" ")
}

/// The map in drawing coordinates: one scale for both axes, so that
/// distances mean the same across and up; up is up.
fn drawing(ctx: &PageCtx, m: &OpinionMap, names: &[String]) -> MapDrawing {
    let (lo, hi) = bounds(m);
    let span = [(hi[0] - lo[0]).max(1e-9), (hi[1] - lo[1]).max(1e-9)];
    let (w, h) = (
        f64::from(WIDTH) - 2.0 * MARGIN,
        f64::from(HEIGHT) - 2.0 * MARGIN,
    );
    let scale = (w / span[0]).min(h / span[1]);
    let off = [
        MARGIN + (w - span[0] * scale) / 2.0,
        MARGIN + (h - span[1] * scale) / 2.0,
    ];
    let place = |p: [f64; 2]| -> [f64; 2] {
        [
            off[0] + (p[0] - lo[0]) * scale,
            f64::from(HEIGHT) - (off[1] + (p[1] - lo[1]) * scale),
        ]
    };
    let colour = |g: Option<usize>| g.map_or(OUTSIDE, |g| COLOURS[g % COLOURS.len()]);
    let dots = m
        .points
        .iter()
        .map(|p| {
            let [x, y] = place([p.x, p.y]);
            MapDot {
                x,
                y,
                colour: colour(p.group),
            }
        })
        .collect();
    let shapes = m
        .groups
        .iter()
        .map(|g| {
            let outline = match g.hull.len() {
                0..=2 => String::new(),
                _ => g
                    .hull
                    .iter()
                    .map(|p| {
                        let [x, y] = place(*p);
                        format!("{x:.1},{y:.1}")
                    })
                    .collect::<Vec<_>>()
                    .join(" "),
            };
            let [label_x, label_y] = place(g.centre);
            MapShape {
                colour: colour(Some(g.id)),
                name: names.get(g.id).cloned().unwrap_or_default(),
                outline,
                label_x,
                label_y,
            }
        })
        .collect();
    let desc = describe(ctx, m, names);
    MapDrawing {
        title: ctx.t("opinions-map-title"),
        desc,
        width: WIDTH,
        height: HEIGHT,
        shapes,
        dots,
    }
}
