using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Duban.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.IntegrationTests.Infrastructure;

/// <summary>
/// What the database holds, table by table: the number of rows and a checksum of every value, so that a test can
/// tell whether a request wrote anything. Left out: what changes without any request asking — the audit chain's
/// seals (the audit trail is counted, not summed), the data-protection key ring, when a token was last used, and
/// the sender's bookkeeping on queued emails and robot messages (it tries them every minute).
/// </summary>
public sealed record DatabaseFingerprint(IReadOnlyDictionary<string, (long Rows, ulong Sum)> Tables)
{
    private static readonly HashSet<string> CountedOnly = new(StringComparer.Ordinal) { "AuditEntries" };
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "DataProtectionKeys" };
    private static readonly HashSet<(string Table, string Column)> SkippedColumns =
    [
        ("ApiTokens", "LastUsedAt"),
        ("Deliveries", "Status"), ("Deliveries", "Attempts"), ("Deliveries", "NextAttemptAt"), ("Deliveries", "LastError"), ("Deliveries", "SentAt"),
    ];

    public static async Task<DatabaseFingerprint> TakeAsync(DubanFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DubanDb>();
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>()
            .Where(t => !Skipped.Contains(t)).Distinct().Order(StringComparer.Ordinal).ToList();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            // One round trip: a statement per table, read as one result set after another.
            await using var command = connection.CreateCommand();
            command.CommandText = string.Join(";\n", tables.Select(t => CountedOnly.Contains(t) ? $"SELECT COUNT(*) FROM \"{t}\"" : $"SELECT * FROM \"{t}\""));
            await using var reader = await command.ExecuteReaderAsync();
            var result = new Dictionary<string, (long, ulong)>(StringComparer.Ordinal);
            var line = new StringBuilder();
            foreach (var table in tables)
            {
                if (CountedOnly.Contains(table))
                {
                    await reader.ReadAsync();
                    result[table] = (Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), 0);
                }
                else
                {
                    // Rows are summed, not chained, so that the order a database returns them in does not matter.
                    long rows = 0;
                    ulong sum = 0;
                    while (await reader.ReadAsync())
                    {
                        line.Clear();
                        for (var i = 0; i < reader.FieldCount; i++)
                        {
                            if (!SkippedColumns.Contains((table, reader.GetName(i))))
                            {
                                line.Append(reader.GetName(i)).Append('=').Append(Text(reader.GetValue(i))).Append('\u001f');
                            }
                        }

                        rows++;
                        sum = unchecked(sum + BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(line.ToString())), 0));
                    }

                    result[table] = (rows, sum);
                }

                await reader.NextResultAsync();
            }

            return new DatabaseFingerprint(result);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The tables whose rows differ from another fingerprint's, with their row counts; empty when equal.</summary>
    public IReadOnlyList<string> Differences(DatabaseFingerprint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Tables.Keys.Union(other.Tables.Keys)
            .Where(t => Tables.GetValueOrDefault(t) != other.Tables.GetValueOrDefault(t))
            .Select(t => $"{t} ({Tables.GetValueOrDefault(t).Rows} → {other.Tables.GetValueOrDefault(t).Rows} rows)")
            .ToList();
    }

    private static string Text(object value) => value switch
    {
        DBNull => "∅",
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        byte[] b => Convert.ToHexString(b),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
