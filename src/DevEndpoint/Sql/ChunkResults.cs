using System.Runtime.InteropServices;
using DevEndpoint.Frames;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace DevEndpoint.Sql;

/// <summary>
/// A query's result copied from DuckDB a chunk (2,048 rows) at a time, straight from DuckDB's vectors into the arrays that
/// become the DataFrame's buffers, made once for the result's row count: numbers and booleans in one block copy per chunk,
/// dates, timestamps and decimals converted in a tight loop, strings decoded from DuckDB's string slots (inline up to 12
/// bytes, else a pointer), validity masks copied as they are (DuckDB's bits are laid out as Arrow's null bitmaps). This is DuckDB's C API (DuckDB.NET.Bindings) on a prepared statement of the connection. It takes a single
/// <c>SELECT</c> whose columns are all of those types and whose parameters are plain values; anything else (several
/// statements, DDL, lists, structs, intervals, zoned timestamps...) returns null and goes the value path,
/// <see cref="ResultFrames.Read"/>, which gives the same frame.
/// </summary>
internal static unsafe partial class ChunkResults
{
    /// <summary>DuckDB's <c>DUCKDB_STATEMENT_TYPE_SELECT</c>.</summary>
    private const int SelectStatement = 1;

    /// <summary>The most rows a column makes room for at the start (more grow it): a decimal column of them fills an array.</summary>
    private const int Rows = 100_000_000;

    private static readonly Lazy<Exports?> Native = new(Exports.Find);

    /// <summary>The result of <paramref name="sql"/>, a single SELECT, read chunk by chunk; null where the value path must read it.</summary>
    public static SqlResult? TryRead(DuckDBConnection connection, string sql, IReadOnlyList<object?> values, long? limit, StringStorage strings, CancellationToken cancellationToken)
    {
        if (Native.Value is not { } native || !values.All(Bindable))
        {
            return null;
        }

        if (NativeMethods.PreparedStatements.DuckDBPrepare(connection.NativeConnection, sql, out var prepared) != DuckDBState.Success)
        {
            prepared.Dispose();
            return null;
        }

        using (prepared)
        {
            if (native.StatementType(prepared.DangerousGetHandle()) != SelectStatement
                || NativeMethods.PreparedStatements.DuckDBParams(prepared) != values.Count
                || !values.Select((v, i) => Bind(prepared, i + 1, v)).All(bound => bound))
            {
                return null;
            }

            using var cancel = cancellationToken.Register(connection.NativeConnection.Interrupt);
            var result = default(DuckDBResult);
            try
            {
                if (NativeMethods.PreparedStatements.DuckDBExecutePrepared(prepared, out result) != DuckDBState.Success)
                {
                    // The value path runs it again and reports DuckDB's error as it always has (a SELECT changes nothing).
                    cancellationToken.ThrowIfCancellationRequested();
                    return null;
                }

                return Read(native, ref result, limit, strings, cancellationToken);
            }
            finally
            {
                NativeMethods.Query.DuckDBDestroyResult(ref result);
            }
        }
    }

    private static SqlResult? Read(Exports native, ref DuckDBResult result, long? limit, StringStorage strings, CancellationToken cancellationToken)
    {
        var count = (long)NativeMethods.Query.DuckDBColumnCount(ref result);
        var capacity = (int)Math.Min(Math.Min((long)NativeMethods.Query.DuckDBRowCount(ref result), limit ?? long.MaxValue), Rows);
        var columns = new List<Column>();
        var types = new List<string>();
        var names = new List<string>();
        for (long i = 0; i < count; i++)
        {
            using var type = NativeMethods.Query.DuckDBColumnLogicalType(ref result, i);
            if (Column.For(native, type, strings, capacity) is not { } column)
            {
                return null;
            }

            columns.Add(column);
            types.Add(column.TypeName);
            names.Add(NativeMethods.Query.DuckDBColumnName(ref result, i));
        }

        var rows = 0L;
        while (limit is null || rows < limit)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var chunk = NativeMethods.Query.DuckDBFetchChunk(result);
            var size = chunk.IsInvalid ? 0 : (long)NativeMethods.DataChunks.DuckDBDataChunkGetSize(chunk);
            if (size == 0)
            {
                break;
            }

            var take = (int)(limit is { } most ? Math.Min(size, most - rows) : size);
            for (var i = 0; i < columns.Count; i++)
            {
                columns[i].Append(NativeMethods.DataChunks.DuckDBDataChunkGetVector(chunk, i), take);
            }

            rows += take;
        }

        var unique = ResultFrames.Unique(names);
        return new SqlResult(new Microsoft.Data.Analysis.DataFrame(columns.Select((c, i) => c.Build(unique[i]))), types);
    }

    /// <summary>Whether a parameter value binds with one of DuckDB's typed calls; other values go the value path.</summary>
    private static bool Bindable(object? value) =>
        value is null or string or bool or sbyte or byte or short or ushort or int or uint or long or ulong or float or double;

    private static bool Bind(DuckDBPreparedStatement statement, long index, object? value) => (value switch
    {
        null => NativeMethods.PreparedStatements.DuckDBBindNull(statement, index),
        string text => NativeMethods.PreparedStatements.DuckDBBindVarchar(statement, index, text),
        bool flag => NativeMethods.PreparedStatements.DuckDBBindBoolean(statement, index, flag),
        sbyte number => NativeMethods.PreparedStatements.DuckDBBindInt8(statement, index, number),
        byte number => NativeMethods.PreparedStatements.DuckDBBindUInt8(statement, index, number),
        short number => NativeMethods.PreparedStatements.DuckDBBindInt16(statement, index, number),
        ushort number => NativeMethods.PreparedStatements.DuckDBBindUInt16(statement, index, number),
        int number => NativeMethods.PreparedStatements.DuckDBBindInt32(statement, index, number),
        uint number => NativeMethods.PreparedStatements.DuckDBBindUInt32(statement, index, number),
        long number => NativeMethods.PreparedStatements.DuckDBBindInt64(statement, index, number),
        ulong number => NativeMethods.PreparedStatements.DuckDBBindUInt64(statement, index, number),
        float number => NativeMethods.PreparedStatements.DuckDBBindFloat(statement, index, number),
        double number => NativeMethods.PreparedStatements.DuckDBBindDouble(statement, index, number),
        _ => DuckDBState.Error,
    }) == DuckDBState.Success;

    /// <summary>
    /// The two functions of DuckDB's C API that DuckDB.NET.Bindings does not declare: a prepared statement's kind and a
    /// type's alias (<c>JSON</c> is VARCHAR with an alias). Found in the library DuckDB.NET loaded; null where it is not.
    /// </summary>
    private sealed class Exports(delegate* unmanaged[Cdecl]<nint, int> statementType, delegate* unmanaged[Cdecl]<nint, nint> alias)
    {
        public int StatementType(nint statement) => statementType(statement);

        /// <summary>The alias of a logical type, or null.</summary>
        public string? Alias(DuckDBLogicalType type)
        {
            var text = alias(type.DangerousGetHandle());
            if (text == 0)
            {
                return null;
            }

            try
            {
                return Marshal.PtrToStringUTF8(text);
            }
            finally
            {
                NativeMethods.Helpers.DuckDBFree(text);
            }
        }

        public static Exports? Find()
        {
            if (!NativeLibrary.TryLoad("duckdb", typeof(NativeMethods).Assembly, null, out var library)
                || !NativeLibrary.TryGetExport(library, "duckdb_prepared_statement_type", out var statementType)
                || !NativeLibrary.TryGetExport(library, "duckdb_logical_type_get_alias", out var alias))
            {
                return null;
            }

            return new Exports((delegate* unmanaged[Cdecl]<nint, int>)statementType, (delegate* unmanaged[Cdecl]<nint, nint>)alias);
        }
    }
}
