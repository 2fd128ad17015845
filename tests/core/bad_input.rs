//! Hostile and odd input never panics and never echoes the question.

use super::support::{engine, uk};

#[test]
fn hostile_inputs_get_a_normal_answer() {
    let long = "diabetes ".repeat(3000);
    let inputs = [
        "",
        "   \t  ",
        "\u{200B}\u{200B}",
        "\u{1F600}\u{1F622}\u{1F525}",
        "\u{202E}\u{0633}\u{0643}\u{0631}\u{064A} diabetes",
        "title:x AND (",
        "*",
        "~2",
        "asthma~2 OR title:*",
        "'; DROP TABLE resources; --",
        "[click](https://evil.example) @everyone <@123456789012345678> asthma",
        "\u{0000}\u{0007}asthma\u{001B}[31m",
        long.as_str(),
    ];
    for q in inputs {
        let reply = engine().answer(q, &uk());
        assert!(!reply.notice.is_empty(), "notice always present");
        let json = signpost::reply::render_json(&reply);
        assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
        if q.len() > 3 && q.trim().len() > 3 {
            assert!(!json.contains(q.trim()), "question must not be echoed");
        }
        for r in &reply.results {
            assert!(r.url.starts_with("https://"));
        }
    }
}

#[test]
fn empty_question_gets_a_kind_prompt() {
    let reply = engine().answer("  ", &uk());
    assert!(reply.no_match);
    assert!(
        reply
            .no_match_help
            .unwrap()
            .message
            .contains("type your question")
    );
}

#[test]
fn unrelated_questions_get_no_results() {
    for q in [
        "how do I reset my discord password",
        "what's the best pizza place near me",
        "who won the football last night",
        "can someone recommend a good laptop for gaming",
    ] {
        let reply = engine().answer(q, &uk());
        assert!(
            reply.results.is_empty(),
            "no result for {q:?}, got {:?}",
            reply.results.iter().map(|r| &r.id).collect::<Vec<_>>()
        );
        assert!(reply.no_match);
        assert!(!reply.no_match_help.unwrap().routes.is_empty());
    }
}

#[test]
fn mentions_and_links_in_questions_never_reach_the_reply() {
    let reply = engine().answer(
        "@everyone <@123> [x](https://evil.example) asthma help",
        &uk(),
    );
    let json = signpost::reply::render_json(&reply);
    assert!(!json.contains("evil.example"));
    assert!(!json.contains("@everyone"));
    assert!(!reply.results.is_empty());
}
