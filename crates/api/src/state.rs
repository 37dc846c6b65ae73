//! What every handler shares: the store's path with a small pool of open connections, the
//! extractor, and a permit that lets one ingest write at a time. SQLite work runs on
//! tokio's blocking threads, never on the async workers; a `Store` is used by one thread
//! at a time (it is `Send`, not `Sync`).

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use frontline_extract::Extractor;
use frontline_store::Database;
use tokio::sync::Semaphore;

use crate::error::ApiError;
use crate::ApiConfig;

/// Connections kept open between requests; more are opened under load and closed after.
const IDLE_CONNECTIONS: usize = 8;

#[derive(Clone)]
pub(crate) struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    db: PathBuf,
    extractor: Arc<Extractor>,
    idle: Mutex<Vec<Database>>,
    writer: Semaphore,
    config: ApiConfig,
}

impl AppState {
    pub fn new(db: PathBuf, extractor: Arc<Extractor>, config: ApiConfig) -> AppState {
        AppState {
            inner: Arc::new(Inner { db, extractor, idle: Mutex::new(Vec::new()), writer: Semaphore::new(1), config }),
        }
    }

    pub fn config(&self) -> &ApiConfig {
        &self.inner.config
    }

    /// Runs `work` with a store connection on a blocking thread.
    pub async fn read<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Database) -> Result<T, ApiError> + Send + 'static,
    {
        let state = self.clone();
        run_blocking(move || state.with_store(|store| work(store))).await
    }

    /// Runs `work` with a store connection and the extractor on a blocking thread, one
    /// writer at a time.
    pub async fn write<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Database, &Extractor) -> Result<T, ApiError> + Send + 'static,
    {
        let permit = self.inner.writer.acquire().await.map_err(|e| ApiError::Unavailable(e.to_string()))?;
        let state = self.clone();
        let result = run_blocking(move || {
            let extractor = state.inner.extractor.clone();
            state.with_store(|store| work(store, &extractor))
        })
        .await;
        drop(permit);
        result
    }

    fn with_store<T>(&self, work: impl FnOnce(&mut Database) -> Result<T, ApiError>) -> Result<T, ApiError> {
        let pooled = self.lock_idle().pop();
        let mut store = match pooled {
            Some(store) => store,
            None => Database::open(&self.inner.db)?,
        };
        let result = work(&mut store);
        let mut idle = self.lock_idle();
        if idle.len() < IDLE_CONNECTIONS {
            idle.push(store);
        }
        result
    }

    fn lock_idle(&self) -> std::sync::MutexGuard<'_, Vec<Database>> {
        // A panic while holding the lock leaves a list of connections, still usable.
        self.inner.idle.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

async fn run_blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(work).await.map_err(|e| ApiError::Unavailable(format!("a worker stopped: {e}")))?
}
