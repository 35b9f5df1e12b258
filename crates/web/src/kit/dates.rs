//! Dates as people write them, the one way every page shows a date: in
//! the site's time zone and the reader's language ("4 February 2027 at
//! 5pm", "4 فبراير 2027 الساعة 5 مساءً"), each in `<time>` with the value
//! machines read (ADR 18). The words come from Fluent messages
//! (`date-*`, `time-*`), so a new language translates them.

use cohesion_domain::local_time::{ClockChange, ClockFace, SiteZone};
use cohesion_domain::timestamp::Timestamp;
use cohesion_i18n::Locale;
use cohesion_ui::{Phrase, Value, When};
use time::format_description::BorrowedFormatItem;
use time::macros::format_description;
use time::macros::time;
use time::{Date, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

/// An instant for `<time datetime>`: UTC, to the second (HTML allows at
/// most three decimals; pages show minutes anyway).
const MACHINE_INSTANT: &[BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
const MACHINE_DATE: &[BorrowedFormatItem<'static>] = format_description!("[year]-[month]-[day]");

/// The date the hints of date fields give as an example.
pub const DATE_EXAMPLE: Date = time::macros::date!(2026 - 11 - 30);

/// Dates in one language and the site's zone.
pub struct Dates<'a> {
    locale: &'a Locale,
    zone: &'a SiteZone,
}

impl<'a> Dates<'a> {
    pub fn new(locale: &'a Locale, zone: &'a SiteZone) -> Self {
        Dates { locale, zone }
    }

    /// An instant, to the minute: "4 February 2027 at 5pm".
    pub fn at(&self, at: Timestamp) -> When {
        self.instant(at.as_offset())
    }

    pub fn instant(&self, at: OffsetDateTime) -> When {
        When {
            datetime: machine_instant(at),
            text: self.civil_text(self.zone.civil(at)),
        }
    }

    /// The day an instant fell on in the site's zone, as people write
    /// dates: "6 December 2026" (its `datetime` the instant).
    pub fn day_of(&self, at: OffsetDateTime) -> When {
        When {
            datetime: machine_instant(at),
            text: self.date_text(self.zone.civil(at).date()),
        }
    }

    /// A calendar date (a stage's): "6 November 2026".
    pub fn day(&self, date: Date) -> When {
        When {
            datetime: date.format(MACHINE_DATE).unwrap_or_default(),
            text: self.date_text(date),
        }
    }

    /// A wall-clock date and time in the site's zone: "4 February 2027 at 5pm".
    pub fn civil_text(&self, civil: PrimitiveDateTime) -> String {
        let text = self.locale.t_args(
            "date-at-time",
            &[
                ("date", self.date_text(civil.date()).into()),
                ("time", self.time_text(civil.time()).into()),
            ],
        );
        unmarked(text)
    }

    /// A calendar month, as figures by month name it: "November 2026";
    /// in Arabic "نوفمبر 2026". Its `datetime` is the month ("2026-11").
    pub fn month(&self, year: i32, month: time::Month) -> When {
        let name = self.locale.t(&format!("date-month-{}", month as u8));
        let text = self.locale.t_args(
            "date-month-year",
            &[
                ("month", name.as_ref().into()),
                ("year", year.to_string().into()),
            ],
        );
        When {
            datetime: format!("{year:04}-{:02}", month as u8),
            text: unmarked(text),
        }
    }

    /// "4 February 2027"; in Arabic "4 فبراير 2027".
    pub fn date_text(&self, date: Date) -> String {
        let month = self
            .locale
            .t(&format!("date-month-{}", u8::from(date.month())));
        let text = self.locale.t_args(
            "date-day",
            &[
                ("day", date.day().to_string().into()),
                ("month", month.as_ref().into()),
                ("year", date.year().to_string().into()),
            ],
        );
        unmarked(text)
    }

    /// "5pm", "5:30pm", "midday", "midnight", as the language writes them.
    pub fn time_text(&self, t: Time) -> String {
        let (id, hour, minute) = match ClockFace::of(t) {
            ClockFace::Midnight => return unmarked(self.locale.t("time-midnight").into_owned()),
            ClockFace::Noon => return unmarked(self.locale.t("time-midday").into_owned()),
            ClockFace::Am { hour, minute: 0 } => ("time-am", hour, 0),
            ClockFace::Am { hour, minute } => ("time-am-minutes", hour, minute),
            ClockFace::Pm { hour, minute: 0 } => ("time-pm", hour, 0),
            ClockFace::Pm { hour, minute } => ("time-pm-minutes", hour, minute),
        };
        let text = self.locale.t_args(
            id,
            &[
                ("hour", hour.to_string().into()),
                ("minute", format!("{minute:02}").into()),
            ],
        );
        unmarked(text)
    }

    /// The message `id` with `dates` in it, each in `<time>` (a
    /// [`Phrase`], so the words around them are the reader's language's,
    /// in its order, with no isolation marks in the markup).
    pub fn sentence(&self, id: &str, dates: &[(&str, &When)]) -> Phrase {
        let args: Vec<(&str, Value<'_>)> = dates
            .iter()
            .map(|(name, w)| (*name, Value::When(w)))
            .collect();
        Phrase::message(self.locale, id, &args)
    }

    /// The time of day of an instant in the site's zone, for a sentence
    /// that has already named the day: "8:10pm" (its `datetime` the
    /// instant).
    pub fn time_of(&self, at: OffsetDateTime) -> When {
        When {
            datetime: machine_instant(at),
            text: self.time_text(self.zone.civil(at).time()),
        }
    }

    /// The message `id` about a span of time from `opens` to `closes`
    /// (arguments `opens` and `closes`, full dates with times). When both
    /// fall on one day in the site's zone, the day is written once: the
    /// message `{id}-same-day` takes `day` and the two times ("on 7
    /// December 2026 from 8:10pm to 8:21pm"), so every range reads as
    /// people write it.
    pub fn range(&self, id: &str, opens: OffsetDateTime, closes: OffsetDateTime) -> Phrase {
        let same_day = self.zone.civil(opens).date() == self.zone.civil(closes).date();
        match same_day {
            true => self.sentence(
                &format!("{id}-same-day"),
                &[
                    ("day", &self.day_of(opens)),
                    ("opens", &self.time_of(opens)),
                    ("closes", &self.time_of(closes)),
                ],
            ),
            false => self.sentence(
                id,
                &[
                    ("opens", &self.instant(opens)),
                    ("closes", &self.instant(closes)),
                ],
            ),
        }
    }

    /// The message `id` with one date in it, as `name`.
    pub fn with(&self, id: &str, name: &str, when: When) -> Phrase {
        self.sentence(id, &[(name, &when)])
    }

    /// What an officer should be told about a clock change that skips or
    /// doubles the time they entered, naming its times in this language.
    pub fn clock_change(&self, change: &ClockChange) -> String {
        let id = if change.forward() {
            "clock-change-forward"
        } else {
            "clock-change-back"
        };
        let time = |at: PrimitiveDateTime| match at.date() == change.from.date() {
            true => self.time_text(at.time()),
            false => self.civil_text(at),
        };
        let text = self.locale.t_args(
            id,
            &[
                ("time", self.time_text(change.from.time()).into()),
                ("date", self.date_text(change.from.date()).into()),
                ("first", time(change.first_affected()).into()),
                ("safe", time(change.first_safe()).into()),
            ],
        );
        unmarked(text)
    }

    /// The hint of a field taking a date and time in the site's zone
    /// (message `id`): the zone's name (and its tz database name) and the
    /// last minute of a day. No example: the browser's picker shows the
    /// date in its own order (mm/dd/yyyy, say), which an example written
    /// as people write it ("4 February 2027 at 5pm") seemed to contradict.
    pub fn time_field_hint(&self, id: &str) -> String {
        let zone = self.zone_name();
        // The tz database's name beside a zone's own ("UK time"), not
        // beside itself ("America/New_York time").
        let tz = match zone.contains(self.zone.name()) {
            true => "none",
            false => self.zone.name(),
        };
        self.hint(
            id,
            &[
                ("zone", &zone),
                ("tz", tz),
                ("end", &self.time_text(time!(23:59))),
            ],
        )
    }

    /// The hint of a field taking a calendar date (message `id`), with
    /// `example` written as people write dates ("30 November 2026").
    pub fn date_field_hint(&self, id: &str, example: Date) -> String {
        self.hint(id, &[("example", &self.date_text(example))])
    }

    /// Message `id` with `args` that are all our own words and digits
    /// (a zone's name, dates, times): without Fluent's isolation marks,
    /// which such values do not need and which would go along with
    /// copied text, as a date's own words go without them.
    fn hint(&self, id: &str, args: &[(&str, &str)]) -> String {
        let args: Vec<(&str, cohesion_i18n::FluentValue<'_>)> =
            args.iter().map(|(k, v)| (*k, (*v).into())).collect();
        unmarked(self.locale.t_args(id, &args))
    }

    /// The zone's name for people: "UK time", else the tz database's.
    pub fn zone_name(&self) -> String {
        let own = format!(
            "time-zone-{}",
            self.zone.name().to_lowercase().replace(['/', '_'], "-")
        );
        if self.locale.message_ids().contains(&own) {
            return self.locale.t(&own).into_owned();
        }
        unmarked(
            self.locale
                .t_text("time-zone-other", "zone", self.zone.name()),
        )
    }
}

fn machine_instant(at: OffsetDateTime) -> String {
    at.to_offset(UtcOffset::UTC)
        .format(MACHINE_INSTANT)
        .unwrap_or_default()
}

/// Without Fluent's isolation marks: a date's parts are our own words and
/// digits, which need none, and a copied date should be clean text.
fn unmarked(text: impl Into<String>) -> String {
    let text = text.into();
    if text.contains(['\u{2068}', '\u{2069}']) {
        text.replace(['\u{2068}', '\u{2069}'], "")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cohesion_domain::{ErrorDetail, ValidationError};
    use cohesion_i18n::Catalog;
    use time::macros::{date, datetime};

    fn with<T>(tag: &str, zone: &str, f: impl FnOnce(Dates<'_>) -> T) -> T {
        let catalog = Catalog::load().unwrap();
        let zone = SiteZone::named(zone).unwrap();
        f(Dates::new(catalog.get(tag).unwrap(), &zone))
    }

    fn at(d: Dates<'_>, instant: OffsetDateTime) -> (String, String) {
        let w = d.instant(instant);
        (w.text, w.datetime)
    }

    #[test]
    fn english_dates_are_written_as_gov_uk_writes_them() {
        with("en", "Europe/London", |d| {
            assert_eq!(
                at(d, datetime!(2027-02-04 17:00 UTC)),
                (
                    "4 February 2027 at 5pm".into(),
                    "2027-02-04T17:00:00Z".into()
                )
            );
        });
        with("en", "Europe/London", |d| {
            let text = |t| d.instant(t).text;
            assert_eq!(
                text(datetime!(2027-02-04 17:30:59.9 UTC)),
                "4 February 2027 at 5:30pm"
            );
            assert_eq!(
                text(datetime!(2027-02-04 09:05 UTC)),
                "4 February 2027 at 9:05am"
            );
            assert_eq!(
                text(datetime!(2027-02-04 12:00 UTC)),
                "4 February 2027 at midday"
            );
            assert_eq!(
                text(datetime!(2027-02-04 00:00 UTC)),
                "4 February 2027 at midnight"
            );
            assert_eq!(
                text(datetime!(2027-02-04 00:30 UTC)),
                "4 February 2027 at 12:30am"
            );
            assert_eq!(
                text(datetime!(2027-02-04 12:01 UTC)),
                "4 February 2027 at 12:01pm"
            );
            // Summer time: the wall clock is an hour ahead of UTC, and the
            // machine-readable value stays in UTC.
            let w = d.instant(datetime!(2026-07-01 08:30 UTC));
            assert_eq!(
                (w.text.as_str(), w.datetime.as_str()),
                ("1 July 2026 at 9:30am", "2026-07-01T08:30:00Z")
            );
            assert_eq!(d.day(date!(2026 - 11 - 06)).text, "6 November 2026");
            assert_eq!(d.day(date!(2026 - 11 - 06)).datetime, "2026-11-06");
        });
    }

    #[test]
    fn the_clock_change_shows_on_the_wall_clock() {
        with("en", "Europe/London", |d| {
            let text = |t| d.instant(t).text;
            assert_eq!(
                text(datetime!(2026-03-29 00:59 UTC)),
                "29 March 2026 at 12:59am"
            );
            assert_eq!(
                text(datetime!(2026-03-29 01:00 UTC)),
                "29 March 2026 at 2am"
            );
            assert_eq!(
                text(datetime!(2026-10-25 00:30 UTC)),
                "25 October 2026 at 1:30am"
            );
            assert_eq!(
                text(datetime!(2026-10-25 01:30 UTC)),
                "25 October 2026 at 1:30am"
            );
            assert_eq!(
                text(datetime!(2026-10-25 02:00 UTC)),
                "25 October 2026 at 2am"
            );
        });
        with("en", "America/New_York", |d| {
            assert_eq!(
                d.instant(datetime!(2027-02-04 22:00 UTC)).text,
                "4 February 2027 at 5pm"
            );
            assert_eq!(
                d.instant(datetime!(2026-07-01 21:00 UTC)).text,
                "1 July 2026 at 5pm"
            );
        });
    }

    #[test]
    fn arabic_dates_have_arabic_months_and_times_of_day() {
        with("ar", "Europe/London", |d| {
            let text = |t| d.instant(t).text;
            assert_eq!(
                text(datetime!(2027-02-04 17:00 UTC)),
                "4 فبراير 2027 الساعة 5 مساءً"
            );
            assert_eq!(
                text(datetime!(2027-02-04 09:30 UTC)),
                "4 فبراير 2027 الساعة 9:30 صباحًا"
            );
            assert_eq!(
                text(datetime!(2027-02-04 12:00 UTC)),
                "4 فبراير 2027 الساعة 12 ظهرًا"
            );
            assert_eq!(
                text(datetime!(2027-02-04 00:00 UTC)),
                "4 فبراير 2027 الساعة 12 منتصف الليل"
            );
            let months: Vec<String> = (1..=12)
                .map(|m| {
                    let day = Date::from_calendar_date(2027, time::Month::try_from(m).unwrap(), 1);
                    d.day(day.unwrap()).text
                })
                .collect();
            for (m, name) in months.iter().zip([
                "يناير",
                "فبراير",
                "مارس",
                "أبريل",
                "مايو",
                "يونيو",
                "يوليو",
                "أغسطس",
                "سبتمبر",
                "أكتوبر",
                "نوفمبر",
                "ديسمبر",
            ]) {
                assert_eq!(m, &format!("1 {name} 2027"));
            }
        });
    }

    #[test]
    fn sentences_put_each_date_in_a_time_element_without_isolation_marks() {
        with("en", "Europe/London", |d| {
            let closes = d.instant(datetime!(2027-02-04 17:00 UTC));
            let s = d.with("consultation-dates-open", "closes", closes);
            assert_eq!(
                s.to_string(),
                "Closes <time datetime=\"2027-02-04T17:00:00Z\">4 February 2027 at 5pm</time>"
            );
            assert_eq!(s.unmarked(), "Closes 4 February 2027 at 5pm");
            let both = d.sentence(
                "consultation-dates-upcoming",
                &[
                    ("opens", &d.instant(datetime!(2027-01-04 09:00 UTC))),
                    ("closes", &d.instant(datetime!(2027-02-04 17:00 UTC))),
                ],
            );
            assert_eq!(
                both.unmarked(),
                "Opens 4 January 2027 at 9am, closes 4 February 2027 at 5pm"
            );
            assert_eq!(both.html().matches("<time ").count(), 2, "{both:?}");
        });
        with("ar", "Europe/London", |d| {
            let closes = d.instant(datetime!(2027-02-04 17:00 UTC));
            let s = d
                .with("consultation-dates-open", "closes", closes)
                .to_string();
            assert_eq!(
                s,
                "تغلق <time datetime=\"2027-02-04T17:00:00Z\">4 فبراير 2027 الساعة 5 مساءً</time>"
            );
            assert!(!s.contains(['\u{2068}', '\u{2069}']));
        });
    }

    #[test]
    fn a_range_within_one_day_names_the_day_once() {
        with("en", "Europe/London", |d| {
            let same = d.range(
                "date-range",
                datetime!(2026-12-07 20:10 UTC),
                datetime!(2026-12-07 20:21 UTC),
            );
            assert_eq!(same.unmarked(), "on 7 December 2026 from 8:10pm to 8:21pm");
            assert_eq!(same.html().matches("<time ").count(), 3, "{same:?}");
            assert!(same
                .html()
                .contains("<time datetime=\"2026-12-07T20:21:00Z\">8:21pm</time>"));
            let two = d.range(
                "date-range",
                datetime!(2026-12-07 20:10 UTC),
                datetime!(2026-12-08 09:00 UTC),
            );
            assert_eq!(
                two.unmarked(),
                "from 7 December 2026 at 8:10pm to 8 December 2026 at 9am"
            );
            // The day is the site's: 11:30pm in London on 31 July is
            // already 1 August in UTC, and still one day here.
            let summer = d.range(
                "date-range",
                datetime!(2026-07-31 19:00 UTC),
                datetime!(2026-07-31 22:30 UTC),
            );
            assert_eq!(summer.unmarked(), "on 31 July 2026 from 8pm to 11:30pm");
            // Midnight to midnight spans two days.
            let whole = d.range(
                "date-range",
                datetime!(2027-01-04 00:00 UTC),
                datetime!(2027-01-05 00:00 UTC),
            );
            assert_eq!(
                whole.unmarked(),
                "from 4 January 2027 at midnight to 5 January 2027 at midnight"
            );
        });
        with("ar", "Europe/London", |d| {
            let same = d.range(
                "date-range",
                datetime!(2026-12-07 20:10 UTC),
                datetime!(2026-12-07 20:21 UTC),
            );
            assert_eq!(
                same.unmarked(),
                "في 7 ديسمبر 2026 من 8:10 مساءً إلى 8:21 مساءً"
            );
            assert!(!same.to_string().contains(['\u{2068}', '\u{2069}']));
            let two = d.range(
                "date-range",
                datetime!(2026-12-07 20:10 UTC),
                datetime!(2026-12-08 09:00 UTC),
            );
            assert_eq!(
                two.unmarked(),
                "من 7 ديسمبر 2026 الساعة 8:10 مساءً إلى 8 ديسمبر 2026 الساعة 9 صباحًا"
            );
        });
    }

    #[test]
    fn field_hints_give_examples_as_people_write_them_without_isolation_marks() {
        with("en", "Europe/London", |d| {
            let id = "consultation-field-time-hint";
            assert_eq!(
                d.time_field_hint(id),
                "Times are UK time (Europe/London). For the end of a day choose 11:59pm: midnight is the start of the next day."
            );
            assert_eq!(
                d.date_field_hint("stage-date-hint", DATE_EXAMPLE),
                "For example, 30 November 2026. Optional."
            );
        });
        with("ar", "Europe/London", |d| {
            let hint = d.time_field_hint("consultation-field-time-hint");
            assert!(hint.starts_with("الأوقات بتوقيت المملكة المتحدة."), "{hint}");
            assert!(hint.contains("اختر 11:59 مساءً"), "{hint}");
            assert!(!hint.contains(['\u{2068}', '\u{2069}']));
            let date = d.date_field_hint("survey-date-hint", DATE_EXAMPLE);
            assert_eq!(date, "مثلًا 30 نوفمبر 2026.");
        });
    }

    fn change_of(zone: &str, local: &str) -> ClockChange {
        let zone = SiteZone::named(zone).unwrap();
        let e: ValidationError = zone.parse("opens_at", local).unwrap_err();
        match e.detail {
            Some(ErrorDetail::ClockChange(c)) => c,
            _ => panic!("{e:?}"),
        }
    }

    #[test]
    fn clock_changes_are_explained_with_the_times_to_choose() {
        let spring = change_of("Europe/London", "2026-03-29T01:30");
        let autumn = change_of("Europe/London", "2026-10-25T01:30");
        with("en", "Europe/London", |d| {
            assert_eq!(
                d.clock_change(&spring),
                "The clocks go forward at 1am on 29 March 2026: choose a time before 1am or from 2am"
            );
            assert_eq!(
                d.clock_change(&autumn),
                "The clocks go back at 2am on 25 October 2026, so times from 1am until 2am happen twice: choose a time before 1am or from 2am"
            );
            assert_eq!(d.zone_name(), "UK time");
        });
        with("ar", "Europe/London", |d| {
            assert_eq!(
                d.clock_change(&spring),
                "تُقدَّم الساعة عند 1 صباحًا يوم 29 مارس 2026: اختر وقتًا قبل 1 صباحًا أو ابتداءً من 2 صباحًا"
            );
            assert_eq!(d.zone_name(), "بتوقيت المملكة المتحدة");
        });
        with("en", "America/New_York", |d| {
            let c = change_of("America/New_York", "2026-03-08T02:30");
            assert_eq!(
                d.clock_change(&c),
                "The clocks go forward at 2am on 8 March 2026: choose a time before 2am or from 3am"
            );
            assert_eq!(d.zone_name(), "America/New_York time");
        });
    }
}
