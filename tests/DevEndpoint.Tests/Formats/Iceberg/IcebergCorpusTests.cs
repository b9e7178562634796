using DevEndpoint.Formats.Iceberg;

namespace DevEndpoint.Tests.Formats.Iceberg;

/// <summary>
/// The Iceberg tables of the corpus (lakehouse/iceberg, written by Spark, Flink, Hive, Impala and PyIceberg), read and
/// compared with the rows their writers' own tests state (iceberg/EXPECTED.md). Rows are compared as sets: Iceberg
/// promises no order.
/// </summary>
public sealed class IcebergCorpusTests
{
    private const string Duck = "duckdb-iceberg/data/persistent/";
    private const string Ice = "impala/hadoop_catalog/ice/";

    [Theory]
    [InlineData(Duck + "equality_deletes/warehouse/mydb/mytable", new[] { "(4, d, 2025-01-04)", "(5, e, 2025-01-05)" })]
    [InlineData(Duck + "equality_deletes/warehouse/mydb/mytable_partitioned", new[] { "(1, a, 2025-01-01)", "(4, d, 2025-01-04)", "(5, e, 2025-01-05)" })]
    [InlineData(Duck + "hive_partitioned_table", new[] { "(2024-01-01, 12345, click)", "(2024-01-02, 67890, purchase)", "(2024-01-03, 13579, view)", "(2024-01-03, 24680, click)", "(2024-01-04, 86420, view)", "(2024-01-04, 97531, purchase)" })]
    [InlineData(Duck + "iceberg_v1_deprecated/default/legacy_v1", new[] { "(1, alpha, 10)", "(2, beta, 20)", "(3, alpha, NULL)" })]
    [InlineData(Duck + "partition_binary", new[] { "(\\xAA\\xBB\\xCC, 67890, purchase)", "(\\x01\\x02\\x03, 12345, click)" })]
    [InlineData(Ice + "iceberg_v2_no_deletes", new[] { "(1, x)", "(2, y)", "(3, z)" })]
    [InlineData(Ice + "iceberg_v2_delete_positional", new[] { "(1, a)", "(3, c)" })]
    [InlineData(Ice + "iceberg_v2_positional_delete_all_rows", new string[0])]
    [InlineData(Ice + "iceberg_v2_positional_not_all_data_files_have_delete_files", new[] { "(1, a)", "(2, b)", "(3, c)", "(5, X)", "(4, d)", "(6, f)" })]
    [InlineData(Ice + "iceberg_v2_positional_update_all_rows", new[] { "(1, A)", "(2, B)", "(3, C)" })]
    [InlineData(Ice + "iceberg_spark_compaction_with_dangling_delete", new[] { "(1, 10)", "(2, 20)", "(3, 30)", "(5, 50)" })]
    [InlineData(Ice + "iceberg_v2_delete_equality", new[] { "(1, test_1_base)", "(2, test_2_updated)" })]
    [InlineData(Ice + "iceberg_v2_delete_equality_partitioned", new[] { "(1, str1, 2023-12-24)", "(2, str2, 2023-12-24)", "(333333, str3, 2023-12-24)", "(4, str4, 2023-12-24)", "(1, str1, 2023-12-25)", "(222, str2, 2023-12-25)" })]
    [InlineData(Ice + "iceberg_v2_delete_equality_partition_evolution", new[] { "(2, str2, 2023-12-24)", "(111, str1, 2023-12-24)" })]
    [InlineData(Ice + "iceberg_v2_equality_delete_schema_evolution", new[] { "(1, 2024-03-20, str1, NULL)", "(44, 2024-03-21, str4, 4444)", "(5, 2024-03-22, str5, NULL)" })]
    [InlineData(Ice + "iceberg_v2_delete_both_eq_and_pos", new[] { "(2, str2_updated, 2023-12-13)", "(3, str3, 2023-12-23)" })]
    [InlineData(Ice + "iceberg_v2_delete_equality_nulls", new[] { "(1, str1)", "(4, str4)", "(NULL, str5)" })]
    [InlineData(Ice + "iceberg_v2_delete_equality_multi_eq_ids", new[] { "(1, str1)", "(2222, str2)", "(33, str3_updated_twice)", "(4, str4_updated)", "(5, str5)" })]
    [InlineData(Ice + "iceberg_v2_delete_pos_and_multi_eq_ids", new[] { "(1, str1, 2020-12-01)", "(333333, str3, 2024-01-25)", "(4, str4, 2024-01-26)", "(5, str5, 2024-01-27)" })]
    [InlineData(Ice + "iceberg_timestamptz_part", new[] { "(-2, 1969-01-01 00:00:00)", "(-1, 1969-01-01 00:15:00)", "(0, 2021-10-31 00:15:00)", "(1, 2021-10-31 01:15:00)", "(2, 2021-01-10 11:00:00)", "(3, 2022-04-10 22:04:00)", "(4, 2022-04-11 10:04:55)" })]
    [InlineData("impala/iceberg_v3/iceberg_v3_deletion_vectors", new[] { "(1)", "(3)", "(5)" })]
    [InlineData("impala/iceberg_v3/iceberg_v3_default_value", new[] { "(1, -1)", "(2, 2)" })]
    public async Task The_current_snapshot_gives_the_rows_the_writers_tests_state(string table, string[] rows)
    {
        var read = await IcebergRows.ReadAsync(table);

        Assert.Equal(rows.Order(StringComparer.Ordinal), read.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(Duck + "equality_deletes/warehouse/mydb/mytable", 853766660775201079, new[] { "(1, a, 2025-01-01)", "(2, b, 2025-01-02)", "(3, c, 2025-01-03)", "(4, d, 2025-01-04)" })]
    [InlineData(Duck + "equality_deletes/warehouse/mydb/mytable", 1584331123492059582, new[] { "(3, c, 2025-01-03)", "(4, d, 2025-01-04)" })]
    [InlineData(Duck + "equality_deletes/warehouse/mydb/mytable", 842401149381792626, new[] { "(4, d, 2025-01-04)" })]
    [InlineData(Duck + "equality_deletes/warehouse/mydb/mytable", 3340507003387467420, new[] { "(4, d, 2025-01-04)", "(5, e, 2025-01-05)", "(6, f, 2025-01-06)" })]
    [InlineData(Ice + "iceberg_v2_delete_equality", 3207673167795000154, new[] { "(1, test_1_base)", "(2, test_2_base)" })]
    [InlineData(Ice + "iceberg_v2_delete_equality_nulls", 4346796256488077976, new[] { "(1, str1)", "(NULL, str2)", "(3, str3)" })]
    [InlineData(Ice + "iceberg_v2_delete_equality_multi_eq_ids", 8127619959873391049, new[] { "(1, str1)", "(2, str2)", "(3, str3_updated)" })]
    [InlineData(Ice + "iceberg_v2_equality_delete_schema_evolution", 3986738438831924669, new[] { "(1, 2024-03-20, str1)", "(4, 2024-03-21, str4)", "(5, 2024-03-22, str5)" })]
    [InlineData("impala/iceberg_v3/iceberg_v3_deletion_vectors", 2700858159721908397, new[] { "(1)", "(2)", "(3)", "(4)", "(5)" })]
    [InlineData("impala/iceberg_v3/iceberg_v3_default_value", 7752776210164022855, new[] { "(1)" })]
    public async Task Time_travel_to_a_snapshot_id_gives_that_snapshots_rows_in_its_own_schema(string table, long snapshot, string[] rows)
    {
        var read = await IcebergRows.ReadAsync(table, snapshot);

        Assert.Equal(rows.Order(StringComparer.Ordinal), read.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(Duck + "iceberg/lineitem_iceberg", null, 51793)]
    [InlineData(Duck + "iceberg/lineitem_iceberg", 7817332053627255703L, 60175)]
    [InlineData(Duck + "iceberg/lineitem_iceberg_gz", null, 111968)]
    [InlineData(Duck + "name_mapping/warehouse_1/mydb/t1", null, 10000)]
    [InlineData(Duck + "uuid", null, 10)]
    [InlineData(Ice + "iceberg_v2_delete_positional", 6816997371555012807L, 3)]
    [InlineData(Ice + "iceberg_v2_positional_delete_all_rows", 8593920101374128463L, 3)]
    [InlineData(Ice + "iceberg_v2_positional_not_all_data_files_have_delete_files", 7490459762454857930L, 10)]
    [InlineData(Ice + "iceberg_v2_positional_not_all_data_files_have_delete_files", 752781918366351945L, 9)]
    [InlineData(Ice + "iceberg_v2_positional_update_all_rows", 3877007445826010687L, 3)]
    [InlineData(Ice + "iceberg_v2_partitioned_position_deletes", null, 10)]
    [InlineData(Ice + "iceberg_v2_partitioned_position_deletes", 2057976186205897384L, 20)]
    [InlineData(Ice + "iceberg_lineitem_multiblock", null, 17886)]
    [InlineData(Ice + "iceberg_multiple_storage_locations", null, 9)]
    [InlineData("impala/iceberg_partitioned", null, 20)]
    public async Task A_snapshot_has_the_row_count_the_writers_tests_state(string table, long? snapshot, int count)
    {
        Assert.Equal(count, (await IcebergRows.ReadAsync(table, snapshot)).Count);
    }

    [Fact]
    public async Task Position_deletes_against_a_file_of_many_row_groups_remove_exactly_the_deleted_rows()
    {
        var rows = await IcebergRows.ValuesAsync(Ice + "iceberg_lineitem_multiblock");

        Assert.Equal(17886, rows.Count);
        Assert.DoesNotContain(rows, r => (int)r[3]! % 5 == 0);
    }

    [Fact]
    public async Task The_partitioned_position_deletes_leave_the_even_ids_of_each_action()
    {
        var rows = await IcebergRows.ReadAsync(Ice + "iceberg_v2_partitioned_position_deletes");

        Assert.Equal(
            ["(10, Alan, click, 2020-01-01 10:00:00)", "(12, Alan, click, 2020-01-01 10:00:00)", "(14, Lisa, download, 2020-01-01 11:00:00)",
             "(16, Lisa, download, 2020-01-01 11:00:00)", "(18, Alan, click, 2020-01-01 10:00:00)", "(2, Lisa, download, 2020-01-01 11:00:00)",
             "(20, Alex, view, 2020-01-01 09:00:00)", "(4, Alex, view, 2020-01-01 09:00:00)", "(6, Alex, view, 2020-01-01 09:00:00)",
             "(8, Lisa, download, 2020-01-01 11:00:00)"],
            rows.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Data_files_in_sibling_storage_locations_are_found_and_read()
    {
        var rows = await IcebergRows.ReadAsync(Ice + "iceberg_multiple_storage_locations");

        foreach (var colInt in new[] { 0, 1, 2 })
        {
            Assert.Equal(
                [$"({colInt}, 12345678900, 3.14, 2.7182, a, 1970-01-01 00:00:00, 1974-02-09)",
                 $"({colInt}, 12345678901, 3.14, 2.71821, b, 1970-01-01 00:00:00, 1974-02-09)",
                 $"({colInt}, 12345678902, 3.14, 2.71822, c, 1970-01-01 00:00:00, 1974-02-09)"],
                rows.Where(r => r.StartsWith($"({colInt},", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Hour_partitioned_v1_table_reads_every_row_with_its_values()
    {
        var rows = await IcebergRows.ValuesAsync("impala/iceberg_partitioned");

        Assert.Equal(10, rows.Count(r => (int)r[0]! > 10));
        Assert.Equal(14, rows.Count(r => (string)r[2]! != "click"));
        Assert.Equal([2, 5, 7, 8, 14, 16], rows.Where(r => (DateTime)r[3]! > new DateTime(2020, 1, 1, 9, 0, 0)).Select(r => (int)r[0]!).Order());
        Assert.Equal(14, rows.Count(r => ((string)r[1]!).StartsWith("Al", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_uuid_column_reads_as_the_uuid_text()
    {
        var rows = await IcebergRows.ReadAsync(Duck + "uuid");

        Assert.Contains("(1571effb-facd-42a3-90e9-0af522e9b6c2)", rows);
        Assert.Equal(10, rows.Distinct().Count());
    }

    [Theory]
    [InlineData("v3.metadata.json", 10000, 0, 0)]
    [InlineData("v3.1.metadata.json", 10000, 0, 10000)]
    [InlineData("v3.2.metadata.json", 10000, 10000, 10000)]
    [InlineData("v4.metadata.json", 10000, 0, 0)]
    [InlineData("v4.1.metadata.json", 10000, 0, 10000)]
    public async Task Files_without_field_ids_resolve_their_columns_through_the_name_mapping(string metadata, int rows, int nullA, int nullB)
    {
        var read = await IcebergRows.ValuesAsync(Duck + "name_mapping/warehouse_1/mydb/t1", 6597550917742534971, metadata);

        Assert.Equal((rows, nullA, nullB), (read.Count, read.Count(r => r[0] is null), read.Count(r => r.Length < 2 || r[1] is null)));
    }

    [Fact]
    public async Task A_column_dropped_and_added_again_under_a_new_id_reads_as_null()
    {
        var read = await IcebergRows.ValuesAsync(Duck + "name_mapping/warehouse_1/mydb/t1");

        Assert.Equal((10000, 10000), (read.Count, read.Count(r => r[1] is null)));
    }
}
