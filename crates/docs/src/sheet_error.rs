//! Why an uploaded spreadsheet was refused, told to the person who uploaded it.

use taawun_core::Lang;

/// Limits on what an upload may make the server read; checked while reading, so a small file
/// declaring a huge sheet stops early.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadLimits {
    pub max_bytes: usize,
    /// Data rows under the header.
    pub max_rows: usize,
    pub max_columns: usize,
}

impl Default for ReadLimits {
    fn default() -> Self {
        ReadLimits {
            max_bytes: 10 * 1024 * 1024,
            max_rows: 20_000,
            max_columns: 100,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SheetError {
    #[error("file larger than {max_bytes} bytes")]
    TooLarge { max_bytes: usize },
    #[error("more than {max} rows")]
    TooManyRows { max: usize },
    #[error("more than {max} columns")]
    TooManyColumns { max: usize },
    /// No header, or a header and no rows under it.
    #[error("no rows")]
    Empty,
    #[error("not a spreadsheet")]
    NotASpreadsheet,
    /// A spreadsheet that could not be read to the end; the detail is for logs, not readers.
    #[error("damaged spreadsheet: {0}")]
    Damaged(String),
    #[error("text is not UTF-8")]
    NotUtf8,
}

impl SheetError {
    /// A sentence for the person who uploaded the file, saying what to do about it.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (SheetError::TooLarge { max_bytes }, lang) => {
                let mib = format!("{:.0}", *max_bytes as f64 / (1024.0 * 1024.0));
                match lang {
                    Lang::Ar => format!("الملف كبير جدًا: الحد الأقصى {mib} ميغابايت."),
                    Lang::Fr => format!("Le fichier est trop volumineux : {mib} Mo au maximum."),
                    Lang::En => format!("The file is too large: {mib} MB at most."),
                }
            }
            (SheetError::TooManyRows { max }, Lang::Ar) => {
                format!("يحتوي الملف على أكثر من {max} سطر. قسّمه إلى عدة ملفات.")
            }
            (SheetError::TooManyRows { max }, Lang::Fr) => {
                format!("Le fichier compte plus de {max} lignes. Répartissez-les en plusieurs fichiers.")
            }
            (SheetError::TooManyRows { max }, Lang::En) => {
                format!("The file has more than {max} rows. Split it into several files.")
            }
            (SheetError::TooManyColumns { max }, Lang::Ar) => {
                format!("يحتوي الملف على أكثر من {max} عمود.")
            }
            (SheetError::TooManyColumns { max }, Lang::Fr) => {
                format!("Le fichier compte plus de {max} colonnes.")
            }
            (SheetError::TooManyColumns { max }, Lang::En) => {
                format!("The file has more than {max} columns.")
            }
            (SheetError::Empty, Lang::Ar) => {
                "لا يحتوي الملف على أي سطر تحت سطر العناوين.".to_string()
            }
            (SheetError::Empty, Lang::Fr) => {
                "Le fichier ne contient aucune ligne sous la ligne d'en-tête.".to_string()
            }
            (SheetError::Empty, Lang::En) => "The file has no rows under its header row.".to_string(),
            (SheetError::NotASpreadsheet, Lang::Ar) => {
                "هذا الملف ليس جدولًا. أرسل ملفًا بصيغة ‎.xlsx أو ‎.csv.".to_string()
            }
            (SheetError::NotASpreadsheet, Lang::Fr) => {
                "Ce fichier n'est pas un tableur. Envoyez un fichier .xlsx ou .csv.".to_string()
            }
            (SheetError::NotASpreadsheet, Lang::En) => {
                "This file is not a spreadsheet. Send an .xlsx or .csv file.".to_string()
            }
            (SheetError::Damaged(_), Lang::Ar) => {
                "تعذّرت قراءة هذا الجدول: الملف تالف أو غير مكتمل. احفظه من جديد ثم أعد إرساله."
                    .to_string()
            }
            (SheetError::Damaged(_), Lang::Fr) => {
                "Ce tableur est illisible : le fichier est endommagé ou incomplet. Enregistrez-le à nouveau puis renvoyez-le.".to_string()
            }
            (SheetError::Damaged(_), Lang::En) => {
                "This spreadsheet cannot be read: the file is damaged or incomplete. Save it again and resend it.".to_string()
            }
            (SheetError::NotUtf8, Lang::Ar) => {
                "ترميز هذا الملف غير مدعوم. احفظه بصيغة «CSV UTF-8» ثم أعد إرساله.".to_string()
            }
            (SheetError::NotUtf8, Lang::Fr) => {
                "L'encodage de ce fichier n'est pas pris en charge. Enregistrez-le au format « CSV UTF-8 » puis renvoyez-le.".to_string()
            }
            (SheetError::NotUtf8, Lang::En) => {
                "This file's text encoding is not supported. Save it as \"CSV UTF-8\" and resend it.".to_string()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_has_three_distinct_sentences() {
        let all = [
            SheetError::TooLarge {
                max_bytes: 10 * 1024 * 1024,
            },
            SheetError::TooManyRows { max: 20_000 },
            SheetError::TooManyColumns { max: 100 },
            SheetError::Empty,
            SheetError::NotASpreadsheet,
            SheetError::Damaged("zip".into()),
            SheetError::NotUtf8,
        ];
        for e in &all {
            let [ar, fr, en] = Lang::ALL.map(|l| e.message(l));
            assert!(
                ar.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
                "{ar}"
            );
            assert!(fr != en && ar != fr, "{e:?}");
            assert!(
                en.ends_with('.') && fr.ends_with('.') && ar.ends_with('.'),
                "{e:?}"
            );
        }
        assert!(all[0].message(Lang::En).contains("10 MB"));
        assert!(all[1].message(Lang::Fr).contains("20000"));
        // The technical detail is for logs; readers get no "zip".
        assert!(!all[5].message(Lang::En).contains("zip"));
    }
}
