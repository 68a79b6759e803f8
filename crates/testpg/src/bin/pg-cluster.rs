//! `pg-cluster start`: starts a throwaway cluster that outlives this program and prints its
//! URL and directory on one line, tab-separated; `pg-cluster stop DIR` stops and removes
//! it. The test command (`scripts/test`) runs the PostgreSQL suites between the two.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["start"] => {
            let cluster = taawun_testpg::Cluster::start();
            let url = cluster.url();
            let dir = cluster.keep();
            println!("{url}\t{}", dir.display());
        }
        ["stop", dir] => taawun_testpg::Cluster::stop(std::path::Path::new(dir)),
        _ => {
            eprintln!("usage: pg-cluster start | pg-cluster stop DIR");
            std::process::exit(2);
        }
    }
}
