//! Dates written in text ("Monday, June 17, 2024", "23 April", "17 июня 2024 года",
//! "17. Juni 2024", "17 de junio de 2024") and in metadata (ISO 8601), in the five languages.

use super::text;

/// A calendar date; the year is unknown in datelines such as "23 April".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
    /// The weekday the text states (0 = Monday), if any.
    pub weekday: Option<u32>,
}

/// A date found in a text: its byte range and value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub date: Date,
}

/// Month names (lowercase) in the five languages.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    ("января", 1),
    ("январь", 1),
    ("февраля", 2),
    ("февраль", 2),
    ("марта", 3),
    ("март", 3),
    ("апреля", 4),
    ("апрель", 4),
    ("мая", 5),
    ("май", 5),
    ("июня", 6),
    ("июнь", 6),
    ("июля", 7),
    ("июль", 7),
    ("августа", 8),
    ("август", 8),
    ("сентября", 9),
    ("сентябрь", 9),
    ("октября", 10),
    ("октябрь", 10),
    ("ноября", 11),
    ("ноябрь", 11),
    ("декабря", 12),
    ("декабрь", 12),
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("janvier", 1),
    ("février", 2),
    ("mars", 3),
    ("avril", 4),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
];

/// Weekday names (lowercase), 0 = Monday.
const WEEKDAYS: &[(&str, u32)] = &[
    ("monday", 0),
    ("tuesday", 1),
    ("wednesday", 2),
    ("thursday", 3),
    ("friday", 4),
    ("saturday", 5),
    ("sunday", 6),
    ("mon", 0),
    ("tue", 1),
    ("tues", 1),
    ("wed", 2),
    ("thu", 3),
    ("thurs", 3),
    ("fri", 4),
    ("sat", 5),
    ("sun", 6),
    ("понедельник", 0),
    ("вторник", 1),
    ("среда", 2),
    ("среду", 2),
    ("четверг", 3),
    ("пятница", 4),
    ("пятницу", 4),
    ("суббота", 5),
    ("субботу", 5),
    ("воскресенье", 6),
    ("montag", 0),
    ("dienstag", 1),
    ("mittwoch", 2),
    ("donnerstag", 3),
    ("freitag", 4),
    ("samstag", 5),
    ("sonnabend", 5),
    ("sonntag", 6),
    ("lundi", 0),
    ("mardi", 1),
    ("mercredi", 2),
    ("jeudi", 3),
    ("vendredi", 4),
    ("samedi", 5),
    ("dimanche", 6),
    ("lunes", 0),
    ("martes", 1),
    ("miércoles", 2),
    ("miercoles", 2),
    ("jueves", 3),
    ("viernes", 4),
    ("sábado", 5),
    ("sabado", 5),
    ("domingo", 6),
];

fn lookup(table: &[(&str, u32)], word: &str) -> Option<u32> {
    let mut lower = String::new();
    text::normalize_into(word, &mut lower);
    table.iter().find(|(n, _)| *n == lower).map(|&(_, v)| v)
}

fn number(word: &str, max: u32) -> Option<u32> {
    if word.len() > 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    word.parse::<u32>().ok().filter(|&n| (1..=max).contains(&n))
}

fn year(word: &str) -> Option<i32> {
    if word.len() != 4 {
        return None;
    }
    word.parse::<i32>()
        .ok()
        .filter(|y| (1900..=2100).contains(y))
}

/// Days since 1970-01-01 (proleptic Gregorian; Howard Hinnant's algorithm).
pub fn days(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The weekday of a date, 0 = Monday.
pub fn weekday(y: i32, m: u32, d: u32) -> u32 {
    // 1970-01-01 was a Thursday (3).
    ((days(y, m, d) + 3).rem_euclid(7)) as u32
}

fn valid(y: Option<i32>, m: u32, d: u32) -> bool {
    let max = match m {
        2 => match y {
            Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (1..=12).contains(&m) && d >= 1 && d <= max
}

/// Dates written in `text`, in order.
pub fn find(text: &str) -> Vec<Found> {
    let words: Vec<(usize, &str)> = text::words(text).collect();
    // The gap between two words must be short ("June 17, 2024", "17. Juni", "17 de junio").
    let close = |i: usize| -> bool {
        match (words.get(i), words.get(i + 1)) {
            (Some(&(s, w)), Some(&(n, _))) => {
                let gap = text.get(s + w.len()..n).unwrap_or("x\n");
                gap.len() <= 3 && !gap.contains('\n')
            }
            _ => false,
        }
    };
    let is_de = |i: usize| words.get(i).is_some_and(|(_, w)| *w == "de" || *w == "del");
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = words[i].1;
        // Day Month [Year] (with Spanish "de").
        let mut found: Option<(usize, u32, u32, usize)> = None; // (first, month, day, next)
        if let Some(d) = number(w, 31) {
            if close(i) {
                if let Some(m) = words.get(i + 1).and_then(|(_, x)| lookup(MONTHS, x)) {
                    found = Some((i, m, d, i + 2));
                } else if is_de(i + 1) && close(i + 1) {
                    if let Some(m) = words.get(i + 2).and_then(|(_, x)| lookup(MONTHS, x)) {
                        found = Some((i, m, d, i + 3));
                    }
                }
            }
        } else if let Some(m) = lookup(MONTHS, w) {
            // Month Day [Year]: a short month name alone ("may", "mar") needs a capital.
            let plausible =
                w.chars().count() > 3 || w.chars().next().is_some_and(char::is_uppercase);
            if plausible && close(i) {
                if let Some(d) = words.get(i + 1).and_then(|(_, x)| number(x, 31)) {
                    found = Some((i, m, d, i + 2));
                }
            }
        }
        let Some((first, month, day, mut next)) = found else {
            i += 1;
            continue;
        };
        let mut y = None;
        if close(next - 1) {
            if let Some(v) = words.get(next).and_then(|(_, x)| year(x)) {
                y = Some(v);
                next += 1;
            } else if is_de(next) && close(next) {
                if let Some(v) = words.get(next + 1).and_then(|(_, x)| year(x)) {
                    y = Some(v);
                    next += 2;
                }
            }
        }
        let mut start = first;
        let mut wd = None;
        if first > 0 {
            let prev = first - 1;
            let gap_ok = words
                .get(prev)
                .and_then(|&(s, w)| text.get(s + w.len()..words[first].0))
                .is_some_and(|g| g.len() <= 3 && !g.contains('\n'));
            if gap_ok {
                if let Some(v) = words.get(prev).and_then(|(_, x)| lookup(WEEKDAYS, x)) {
                    wd = Some(v);
                    start = prev;
                }
            }
        }
        if valid(y, month, day) {
            let end_word = words[next - 1];
            out.push(Found {
                start: words[start].0,
                end: end_word.0 + end_word.1.len(),
                date: Date {
                    year: y,
                    month,
                    day,
                    weekday: wd,
                },
            });
        }
        i = next;
    }
    out
}

/// Reads the date of an ISO 8601 value ("2024-06-17T09:00:00Z"), or a written date.
pub fn parse_value(v: &str) -> Option<Date> {
    let v = v.trim();
    let b = v.as_bytes();
    if b.len() >= 10 && b[4] == b'-' && b[7] == b'-' {
        let y = v.get(0..4)?.parse::<i32>().ok()?;
        let m = v.get(5..7)?.parse::<u32>().ok()?;
        let d = v.get(8..10)?.parse::<u32>().ok()?;
        return valid(Some(y), m, d).then_some(Date {
            year: Some(y),
            month: m,
            day: d,
            weekday: None,
        });
    }
    find(v).into_iter().next().map(|f| f.date)
}

/// Days between two dates; a missing year is taken from `b` (then `a`).
pub fn distance(a: &Date, b: &Date) -> Option<i64> {
    let ya = a.year.or(b.year)?;
    let yb = b.year.or(a.year)?;
    Some((days(ya, a.month, a.day) - days(yb, b.month, b.day)).abs())
}

/// Whether a stated weekday contradicts the date.
pub fn weekday_wrong(d: &Date) -> bool {
    match (d.year, d.weekday) {
        (Some(y), Some(w)) => weekday(y, d.month, d.day) != w,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Date {
        let f = find(text);
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        f[0].date
    }

    #[test]
    fn written_dates_in_five_languages() {
        let d = one("Monday, June 17, 2024");
        assert_eq!(
            (d.year, d.month, d.day, d.weekday),
            (Some(2024), 6, 17, Some(0))
        );
        assert!(!weekday_wrong(&d));
        assert!(weekday_wrong(&one("Tuesday, June 17, 2024")));
        let d = one("23 April: Iran and Russia");
        assert_eq!((d.year, d.month, d.day), (None, 4, 23));
        assert_eq!(one("17 июня 2024 года").year, Some(2024));
        assert_eq!(one("am 17. Juni 2024").month, 6);
        assert_eq!(one("le 17 juin 2024").day, 17);
        assert_eq!(one("el 17 de junio de 2024").year, Some(2024));
        assert_eq!(one("MOSCOW, June 14 (Reuters) -").day, 14);
    }

    #[test]
    fn not_dates() {
        assert!(find("He may 3 times a day").is_empty());
        assert!(find("31 February and 2 cats, 45 June").is_empty());
        assert!(find("April\n\n23").is_empty());
        assert!(find("").is_empty());
    }

    #[test]
    fn iso_and_arithmetic() {
        let d = parse_value("2024-06-17T09:00:00+03:00").expect("iso");
        assert_eq!((d.year, d.month, d.day), (Some(2024), 6, 17));
        assert_eq!(weekday(2024, 6, 17), 0);
        assert_eq!(weekday(1970, 1, 1), 3);
        assert_eq!(distance(&d, &one("23 April")), Some(55));
        assert!(parse_value("2024-13-40").is_none());
        assert!(parse_value("n/a").is_none());
    }
}
