using Parquet;
using Parquet.Schema;

namespace DevEndpoint.LoadBench;

/// <summary>
/// Consecutive rows of the benchmark table, a typed array per column: what the generator writes to every format, and
/// what the naive Parquet.Net reader reads back.
/// </summary>
internal sealed class RowChunk(int count)
{
    public static readonly DataField IdField = new DataField<long>("id");
    public static readonly DataField QuantityField = new DataField<int>("quantity");
    public static readonly DataField PriceField = new DataField<double>("price");
    public static readonly DataField ActiveField = new DataField<bool>("active");
    public static readonly DataField DayField = new DataField<DateOnly>("day");
    public static readonly DataField CreatedField = new DateTimeDataField("created", DateTimeFormat.DateAndTimeMicros);
    public static readonly DataField CategoryField = new DataField<string>("category");
    public static readonly DataField NoteField = new DataField<string>("note");
    public static readonly DataField ScoreField = new DataField<int?>("score");
    public static readonly DataField AmountField = new DecimalDataField("amount", 12, 2);

    public static readonly ParquetSchema Schema = new(
        IdField, QuantityField, PriceField, ActiveField, DayField, CreatedField, CategoryField, NoteField, ScoreField, AmountField);

    public int Count { get; } = count;

    public long[] Id { get; } = new long[count];

    public int[] Quantity { get; } = new int[count];

    public double[] Price { get; } = new double[count];

    public bool[] Active { get; } = new bool[count];

    public DateOnly[] Day { get; } = new DateOnly[count];

    public DateTime[] Created { get; } = new DateTime[count];

    public string?[] Category { get; } = new string?[count];

    public string?[] Note { get; } = new string?[count];

    public int?[] Score { get; } = new int?[count];

    public decimal[] Amount { get; } = new decimal[count];

    /// <summary>Reads a whole row group, every column into its array.</summary>
    public static async Task<RowChunk> ReadAsync(ParquetRowGroupReader group)
    {
        var chunk = new RowChunk(checked((int)group.RowCount));
        await group.ReadAsync<long>(IdField, chunk.Id.AsMemory());
        await group.ReadAsync<int>(QuantityField, chunk.Quantity.AsMemory());
        await group.ReadAsync<double>(PriceField, chunk.Price.AsMemory());
        await group.ReadAsync<bool>(ActiveField, chunk.Active.AsMemory());
        await group.ReadAsync<DateOnly>(DayField, chunk.Day.AsMemory());
        await group.ReadAsync<DateTime>(CreatedField, chunk.Created.AsMemory());
        await group.ReadAsync(CategoryField, chunk.Category.AsMemory());
        await group.ReadAsync(NoteField, chunk.Note.AsMemory());
        await group.ReadAsync<int>(ScoreField, chunk.Score.AsMemory());
        await group.ReadAsync<decimal>(AmountField, chunk.Amount.AsMemory());
        return chunk;
    }

    /// <summary>Writes these rows as one row group.</summary>
    public async Task WriteAsync(ParquetWriter writer)
    {
        using var group = writer.CreateRowGroup();
        await group.WriteAsync<long>(IdField, Id.AsMemory());
        await group.WriteAsync<int>(QuantityField, Quantity.AsMemory());
        await group.WriteAsync<double>(PriceField, Price.AsMemory());
        await group.WriteAsync<bool>(ActiveField, Active.AsMemory());
        await group.WriteAsync<DateOnly>(DayField, Day.AsMemory());
        await group.WriteAsync<DateTime>(CreatedField, Created.AsMemory());
        await group.WriteAsync(CategoryField, Category);
        await group.WriteAsync(NoteField, Note);
        await group.WriteAsync<int>(ScoreField, Score.AsMemory());
        await group.WriteAsync<decimal>(AmountField, Amount.AsMemory());
    }
}
