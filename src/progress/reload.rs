//! Reading again a progress file another copy of trailmark changed, for the
//! app's live view: what is on disk is merged into what is in memory with
//! the same merge a save uses, so changes not saved yet are kept.

use super::{ProgressError, Store, merge_owned, parse};

impl Store {
    /// Reads the file again if its bytes differ from the ones last read or
    /// written, and merges them into the progress in memory (unsaved changes
    /// included: nothing in memory is dropped). Returns whether the file had
    /// changed. A file that was removed changes nothing here (the next save
    /// writes it again); one that cannot be read is an error and the progress
    /// in memory stays as it was.
    pub fn refresh(&mut self) -> Result<bool, ProgressError> {
        let bytes = match std::fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
            Err(source) => return Err(super::store::read_failed(&self.path, source)),
        };
        if self.on_disk.as_deref() == Some(bytes.as_slice()) {
            return Ok(false);
        }
        let disk = parse(&bytes, &self.path)?;
        self.progress = merge_owned(std::mem::take(&mut self.progress), disk);
        self.progress.relocate(&self.moves);
        // A later save that finds these bytes knows it holds all of them and
        // writes without merging again.
        self.on_disk = Some(bytes);
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use crate::progress::{Status, Store, now};

    #[test]
    fn another_writer_is_merged_in_and_unsaved_changes_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.yaml");
        let mut app = Store::open(path.clone()).unwrap();
        assert!(!app.refresh().unwrap(), "nothing changed yet");
        let mut cli = Store::open(path.clone()).unwrap();
        cli.update(|p| p.set_status_by_id("r", "r/a", Status::Done, now()))
            .unwrap();
        // Unsaved in the app: a status and a pace.
        app.progress_mut()
            .set_status_by_id("r", "r/b", Status::Doing, now());
        app.progress_mut().set_pace(Some(7.0), None, now());
        assert!(app.refresh().unwrap());
        assert_eq!(app.progress().skills["r/a"].status(), Status::Done);
        assert_eq!(app.progress().skills["r/b"].status(), Status::Doing);
        assert_eq!(app.progress().pace_hours_per_week(), Some(7.0));
        assert!(
            !app.refresh().unwrap(),
            "the same bytes are not merged twice"
        );
        app.save().unwrap();
        let again = Store::open(path).unwrap();
        assert_eq!(again.progress().skills["r/a"].status(), Status::Done);
        assert_eq!(again.progress().skills["r/b"].status(), Status::Doing);
        assert_eq!(again.progress().pace_hours_per_week(), Some(7.0));
    }

    #[test]
    fn a_broken_file_is_an_error_and_keeps_the_progress() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.yaml");
        let mut app = Store::open(path.clone()).unwrap();
        app.update(|p| p.set_status_by_id("r", "r/a", Status::Done, now()))
            .unwrap();
        std::fs::write(&path, "version: 1\nskills: [\n").unwrap();
        let err = app.refresh().unwrap_err();
        assert!(err.to_string().contains("progress.yaml:"), "{err}");
        assert_eq!(app.progress().skills["r/a"].status(), Status::Done);
        std::fs::remove_file(&path).unwrap();
        assert!(!app.refresh().unwrap(), "a removed file changes nothing");
    }
}
