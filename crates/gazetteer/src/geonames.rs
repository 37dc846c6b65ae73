//! Reading GeoNames dump files (country files such as SY.txt, cities500, allCountries):
//! 19 tab-separated columns, one place a line.

use std::io::BufRead;

use crate::{GazetteerError, Place};

/// Reads every place of a dump. A malformed line is an error naming the origin and line.
pub fn read_dump(reader: impl BufRead, origin: &str) -> Result<Vec<Place>, GazetteerError> {
    let mut places = Vec::new();
    for (index, line) in reader.lines().enumerate() {
        let line_number = index + 1;
        let line = line.map_err(|e| GazetteerError::Read {
            origin: origin.to_string(),
            line: line_number,
            message: e.to_string(),
        })?;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let place = parse_row(&line).map_err(|message| GazetteerError::Read {
            origin: origin.to_string(),
            line: line_number,
            message,
        })?;
        places.push(place);
    }
    Ok(places)
}

/// A row of GeoNames' alternateNamesV2 table: a name of a place, by its id.
#[derive(Debug, Clone, PartialEq)]
pub struct AlternateName {
    pub geonameid: u32,
    /// ISO 639 code, or a pseudo-code such as "link", "post", "iata".
    pub language: String,
    pub name: String,
}

/// Reads alternateNamesV2 rows (10 tab-separated columns); links, postcodes and airport
/// codes are not names and are skipped.
pub fn read_alternate_names(reader: impl BufRead, origin: &str) -> Result<Vec<AlternateName>, GazetteerError> {
    let mut names = Vec::new();
    for (index, line) in reader.lines().enumerate() {
        let line_number = index + 1;
        let error = |message: String| GazetteerError::Read { origin: origin.to_string(), line: line_number, message };
        let line = line.map_err(|e| error(e.to_string()))?;
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != 10 {
            return Err(error(format!("expected 10 tab-separated alternateNamesV2 columns, found {}", fields.len())));
        }
        let geonameid =
            fields[1].trim().parse::<u32>().map_err(|_| error(format!("geonameid {:?} is not a number", fields[1])))?;
        if matches!(fields[2], "link" | "post" | "iata" | "icao" | "faac" | "wkdt" | "unlc" | "abbr") {
            continue;
        }
        names.push(AlternateName { geonameid, language: fields[2].to_string(), name: fields[3].to_string() });
    }
    Ok(names)
}

fn parse_row(line: &str) -> Result<Place, String> {
    let fields: Vec<&str> = line.split('\t').collect();
    if fields.len() != 19 {
        return Err(format!("expected 19 tab-separated GeoNames columns, found {}", fields.len()));
    }
    let number = |i: usize, what: &str| -> Result<f64, String> {
        fields[i].trim().parse::<f64>().map_err(|_| format!("{what} {:?} is not a number", fields[i]))
    };
    let geonameid =
        fields[0].trim().parse::<u32>().map_err(|_| format!("geonameid {:?} is not a number", fields[0]))?;
    let latitude = number(4, "latitude")?;
    let longitude = number(5, "longitude")?;
    if !(-90.0..=90.0).contains(&latitude) || !(-180.0..=180.0).contains(&longitude) {
        return Err(format!("coordinates {latitude}, {longitude} are out of range"));
    }
    let alternate_names = fields[3].split(',').map(str::trim).filter(|n| !n.is_empty()).map(str::to_string).collect();
    Ok(Place {
        geonameid: Some(geonameid),
        pcode: None,
        name: fields[1].to_string(),
        ascii_name: fields[2].to_string(),
        alternate_names,
        latitude,
        longitude,
        feature_class: fields[6].chars().next().unwrap_or(' '),
        feature_code: fields[7].to_string(),
        country: fields[8].to_string(),
        admin1: fields[10].to_string(),
        admin2: String::new(),
        admin3: String::new(),
        population: fields[14].trim().parse().unwrap_or(0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROW: &str = "174030\tAl Atārib\tAl Atarib\tAl Atarib,Atareb,الأتارب\t36.13907\t36.82504\tP\tPPLA3\tSY\t\t09\t\t\t\t0\t\t370\tAsia/Damascus\t2012-01-18";

    #[test]
    fn reads_a_row() {
        let places = read_dump(ROW.as_bytes(), "fixture").expect("valid row");
        assert_eq!(places.len(), 1);
        let p = &places[0];
        assert_eq!((p.geonameid, p.admin1.as_str(), p.feature_code.as_str()), (Some(174030), "09", "PPLA3"));
        assert_eq!(p.alternate_names.len(), 3);
    }

    #[test]
    fn reads_alternate_names_and_skips_links() {
        let text = "1\t174030\tfr\tAtareb\t\t\t\t\t\t\n2\t174030\tlink\thttps://example.org/Atarib\t\t\t\t\t\t\n";
        let names = read_alternate_names(text.as_bytes(), "alt.txt").expect("valid rows");
        assert_eq!(names, [AlternateName { geonameid: 174030, language: "fr".into(), name: "Atareb".into() }]);
        let err = read_alternate_names("1\tx\n".as_bytes(), "alt.txt").unwrap_err().to_string();
        assert!(err.contains("alt.txt, line 1"), "{err}");
    }

    #[test]
    fn a_bad_row_names_origin_and_line() {
        let text = format!("{ROW}\nnot\ta\trow\n");
        let err = read_dump(text.as_bytes(), "SY.txt").unwrap_err().to_string();
        assert!(err.contains("SY.txt") && err.contains("line 2"), "{err}");
    }
}
