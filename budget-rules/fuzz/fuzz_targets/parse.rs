//! Arbitrary bytes into the pabulib parser: it must never panic, and whatever it accepts must
//! write back to a file that parses to the same election and writes back identically.

#![no_main]

use budget_rules::pabulib;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Invalid UTF-8 goes through `parse_bytes`, which must report it; valid text is parsed
    // the same way either entry point is used.
    let Ok(election) = pabulib::parse_bytes(data) else {
        return;
    };
    let Ok(text) = std::str::from_utf8(data) else {
        panic!("parse_bytes accepted invalid UTF-8");
    };
    assert_eq!(pabulib::parse(text).as_ref(), Ok(&election));
    let written = pabulib::write(&election)
        .unwrap_or_else(|err| panic!("a parsed election cannot be written: {err}"));
    let again = pabulib::parse(&written)
        .unwrap_or_else(|err| panic!("the written file does not parse: {err}\n{written}"));
    assert!(
        again == election,
        "the round trip changed the election:\n{written}"
    );
    assert_eq!(pabulib::write(&again).as_deref(), Ok(written.as_str()));
});
