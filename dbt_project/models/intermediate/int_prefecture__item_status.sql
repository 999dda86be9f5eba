-- One row per prefecture respondent and item: relevant, given, answered / skipped / missing / off_path.
{{ item_status('prefecture') }}
