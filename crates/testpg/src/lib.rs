//! PostgreSQL for the tests, never for the product: a throwaway cluster started from the
//! machine's own PostgreSQL packages (initialised in a temporary directory, on a free port,
//! run as an unprivileged user, removed when dropped), and a fresh database on the
//! cluster that the test command started, one per test.
//!
//! A PostgreSQL suite never skips: without a server these functions panic with what to do.

mod cluster;
mod tls;

pub use cluster::{Cluster, Tls, bin_dir};

/// The variable through which the test command (`scripts/test`) hands its cluster to the
/// tests: the URL of the cluster's administrative database.
pub const SERVER_VAR: &str = "TAAWUN_TEST_POSTGRES";

/// The URL of a new, empty database on the test command's cluster. Each test gets its own,
/// so tests run in parallel without seeing each other's rows.
pub fn fresh_database() -> String {
    let server = std::env::var(SERVER_VAR).unwrap_or_else(|_| {
        panic!(
            "{SERVER_VAR} is not set: run the tests with scripts/test, which starts a \
             throwaway PostgreSQL cluster and sets it (or start one with \
             `cargo run -p taawun-testpg --bin pg-cluster -- start`)"
        )
    });
    create_database(&server)
}

/// Creates a database with a random name on the server `admin_url` points at (a URL of any
/// database there, by a role that may create databases) and returns its URL. Through the
/// server's own `psql`: SQL and the driver stay in the store crate.
pub fn create_database(admin_url: &str) -> String {
    let name = format!("taawun_test_{}", uuid::Uuid::now_v7().simple());
    let mut psql = std::process::Command::new(bin_dir().join("psql"));
    psql.args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", admin_url, "-c"])
        .arg(format!("create database {name}"));
    cluster::run(psql, "psql (creating a test database)");
    with_database(admin_url, &name)
}

/// `url` with its database name replaced by `name`, its query kept.
pub fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    // After the authority (`postgres://user@host:port`), the path is the database name.
    let authority_end = base
        .find("://")
        .map(|s| s + 3)
        .and_then(|start| base[start..].find('/').map(|i| start + i))
        .unwrap_or(base.len());
    let mut out = format!("{}/{name}", &base[..authority_end]);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::with_database;

    #[test]
    fn the_database_name_is_replaced_and_the_query_kept() {
        assert_eq!(
            with_database("postgres://p@127.0.0.1:5/postgres", "t1"),
            "postgres://p@127.0.0.1:5/t1"
        );
        assert_eq!(
            with_database("postgres://p@localhost:5?sslmode=verify-full", "t2"),
            "postgres://p@localhost:5/t2?sslmode=verify-full"
        );
    }
}
