//! A zip container with its files stored as they are (no compression): what
//! `.docx` documents are. Small documents gain little from
//! deflate, and stored files keep the writer a page long.

/// CRC-32 (IEEE), as zip needs it for each file.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= byte as u32;
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xedb8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

/// The files in order, each stored; dated 1 January 1980 (zip's earliest day),
/// so that the same content gives the same bytes.
pub fn stored_zip(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut directory = Vec::new();
    let u16le = |v: usize| (v as u16).to_le_bytes();
    let u32le = |v: usize| (v as u32).to_le_bytes();
    for (name, data) in files {
        let offset = out.len();
        let crc = crc32(data).to_le_bytes();
        // Version 2.0, flag bit 11 (names in UTF-8), stored, time 0, date 1980-01-01.
        let common = [
            &u16le(20)[..],
            &u16le(0x0800),
            &u16le(0),
            &u16le(0),
            &u16le(0x21),
            &crc,
            &u32le(data.len()),
            &u32le(data.len()),
            &u16le(name.len()),
            &u16le(0),
        ]
        .concat();
        out.extend_from_slice(&[0x50, 0x4b, 0x03, 0x04]);
        out.extend_from_slice(&common);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        directory.extend_from_slice(&[0x50, 0x4b, 0x01, 0x02]);
        directory.extend_from_slice(&u16le(20));
        directory.extend_from_slice(&common);
        // Comment length, disk, internal and external attributes, offset.
        directory.extend_from_slice(&[&u16le(0)[..], &u16le(0), &u16le(0), &u32le(0), &u32le(offset)].concat());
        directory.extend_from_slice(name.as_bytes());
    }
    let start = out.len();
    out.extend_from_slice(&directory);
    out.extend_from_slice(&[0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0]);
    out.extend_from_slice(&[&u16le(files.len())[..], &u16le(files.len()), &u32le(directory.len()), &u32le(start), &u16le(0)].concat());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::data::lists::xlsx::zip_parts;

    #[test]
    fn crc_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn the_files_read_back_by_the_zip_reader() {
        let zip = stored_zip(&[("mimetype", b"application/vnd.oasis.opendocument.text"), ("ordner/datei.xml", "<a>Ä</a>".as_bytes())]);
        let parts = zip_parts(&zip).unwrap();
        let read: Vec<(&str, &[u8], bool)> = parts.iter().map(|p| (p.name.as_str(), &zip[p.data.clone()], p.deflated)).collect();
        assert_eq!(
            read,
            vec![("mimetype", &b"application/vnd.oasis.opendocument.text"[..], false), ("ordner/datei.xml", "<a>Ä</a>".as_bytes(), false)]
        );
        // ODF wants the mimetype first and uncompressed, at a fixed place.
        assert_eq!(&zip[30..38], b"mimetype");
    }
}
