//! Prints how distinctive the lookalike rules judge registry names to be.
//!
//! `cargo run --example name_strength -- cnn spiegel eltiempo`

fn main() {
    let reg = masthead::identity::registry::registry();
    let index = reg.lookalike_index();
    for name in std::env::args().skip(1) {
        println!("{name}\t{:?}", index.strength(&name));
    }
}
