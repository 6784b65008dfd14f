using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Duban.Data;

/// <summary>
/// Inserts many new rows of one entity type in multi-row INSERT statements, inside the context's current
/// transaction, with each value converted and bound exactly as EF Core would (the model's column names and
/// type mappings, value converters included). Bypasses the change tracker and therefore the audit trail:
/// the caller writes the audit entries for what it inserts (an import writes one per work item).
/// </summary>
public static class BulkInsert
{
    /// <summary>
    /// Parameters per statement: well under SQLite's and PostgreSQL's limits, and small enough that binding by
    /// name (a linear search in SQLite) stays cheap.
    /// </summary>
    private const int MaxParameters = 1_000;

    public static async Task InsertAsync<T>(DubanDb db, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => p.ValueGenerated != Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd && p.GetColumnName(table) is not null && !p.IsShadowProperty())
            .Select(p => (Property: p, Column: p.GetColumnName(table)!, Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping(), Getter: p.GetGetter()))
            .ToList();
        var prefix = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.Column}\""))}) VALUES ";
        var perStatement = Math.Max(1, MaxParameters / columns.Count);
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        for (var start = 0; start < rows.Count; start += perStatement)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder(prefix);
            var n = 0;
            for (var i = start; i < Math.Min(rows.Count, start + perStatement); i++)
            {
                sql.Append(i == start ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var (property, _, mapping, getter) = columns[c];
                    var name = "@b" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    n++;
                    var value = getter.GetClrValue(rows[i]);
                    command.Parameters.Add(mapping.CreateParameter(command, name, value, property.IsNullable));
                    sql.Append(c == 0 ? name : ", " + name);
                }

                sql.Append(')');
            }

            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
