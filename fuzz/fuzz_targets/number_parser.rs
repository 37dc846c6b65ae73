//! Number reading (digits in groups, "100 000", "400.000") in the tokenizer: values fit the
//! digits written and offsets stay on the text.
#![no_main]
use frontline_lang::{tokenize, TokenKind, WordRules};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let rules = WordRules { elisions: vec!["d'".into(), "l'".into()], clitics: vec!["'s".into()] };
    for token in tokenize(&text, &rules) {
        assert!(text.get(token.start..token.end).is_some());
        if token.kind == TokenKind::Number {
            let digits = token.text.chars().filter(char::is_ascii_digit).count();
            assert!(token.value.is_some() || digits > 19, "{:?}", token.text);
        }
    }
});
