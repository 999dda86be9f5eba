-- One row per hub respondent and item: relevant, given, answered / skipped / missing / off_path.
{{ item_status('hub') }}
