"""Japanese wording of what goes back to prefectures, by question number and label, never by rule syntax."""
