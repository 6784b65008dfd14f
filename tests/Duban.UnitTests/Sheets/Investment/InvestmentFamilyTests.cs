using System.Collections;
using Duban.Sheets;
using Duban.Sheets.Ledgers;
using Xunit.Abstractions;

namespace Duban.UnitTests.Sheets.Investment;

/// <summary>
/// Several hundred generated investment-promotion workbooks with known answers, read back from real .xlsx bytes. Every
/// expected field of every expected row is a fact, and so are the sheet chosen, each row and its section: right,
/// flagged (not taken, with an issue on its row), or wrong (a silent misread, or a value the file does not hold).
/// </summary>
public class InvestmentFamilyTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_fact_the_reader_takes_is_right_and_every_other_is_flagged()
    {
        int files = 0, facts = 0, right = 0, flagged = 0, planted = 0;
        var wrong = new List<string>();
        var refused = new List<string>();
        for (var seed = 1; seed <= 300; seed++)
        {
            var file = InvestmentFamily.Make(seed);
            files++;
            using var stream = new MemoryStream(file.Bytes);
            var book = XlsxReader.Read(stream);
            // A workbook of one kind read as the other gives no rows: its sheet reads better as what it is.
            foreach (var missing in new[] { LedgerKind.Leads, LedgerKind.Trips }.Where(k => file.Sheets.All(s => s.Kind != k)))
            {
                facts++;
                var other = LedgerReader.Read(book, missing);
                if (other.Rows.Count == 0 && other.HasFileErrors)
                {
                    right++;
                }
                else
                {
                    wrong.Add($"seed {seed}: read as {missing}, {other.Rows.Count} rows from {other.Sheet}");
                }
            }

            foreach (var sheet in file.Sheets)
            {
                var parse = LedgerReader.Read(book, sheet.Kind);
                var where = $"seed {seed} {sheet.Kind} ({file.Layout})";
                facts++;
                if (parse.Sheet == sheet.Sheet)
                {
                    right++;
                }
                else
                {
                    wrong.Add($"{where}: sheet {parse.Sheet}");
                    continue;
                }

                foreach (var expected in sheet.Rows)
                {
                    planted += expected.Unreadable.Count;
                    var rowFlagged = parse.Issues.Any(i => i.Row == expected.Row);
                    var actual = parse.Rows.FirstOrDefault(r => r.Row == expected.Row);
                    facts += 2;
                    if (actual is null)
                    {
                        wrong.Add($"{where} row {expected.Row}: missing");
                        facts += expected.Fields.Count + expected.Unreadable.Count;
                        continue;
                    }

                    right++;
                    if (actual.Section == expected.Section)
                    {
                        right++;
                    }
                    else
                    {
                        wrong.Add($"{where} row {expected.Row}: section {actual.Section}, want {expected.Section}");
                    }

                    foreach (var (name, want) in expected.Fields)
                    {
                        facts++;
                        var got = actual.Fields.GetValueOrDefault(name);
                        if (Same(want, got))
                        {
                            right++;
                        }
                        else if (got is null && rowFlagged)
                        {
                            flagged++;
                            refused.Add($"{where} row {expected.Row} {name}: want {want}; {string.Join("; ", parse.Issues.Where(i => i.Row == expected.Row).Select(i => $"{i.Column} {i.Code} {string.Join("|", i.Args)}"))}");
                        }
                        else
                        {
                            wrong.Add($"{where} row {expected.Row} {name}: want {want} got {got}");
                        }
                    }

                    foreach (var name in expected.Unreadable)
                    {
                        facts++;
                        var got = actual.Fields.GetValueOrDefault(name);
                        if (got is null && rowFlagged)
                        {
                            flagged++;
                        }
                        else
                        {
                            wrong.Add($"{where} row {expected.Row} {name}: unreadable taken as {got} (flagged {rowFlagged})");
                        }
                    }

                    foreach (var extra in actual.Fields.Keys.Where(k => !expected.Fields.ContainsKey(k) && !expected.Unreadable.Contains(k)))
                    {
                        facts++;
                        wrong.Add($"{where} row {expected.Row} {extra}: not in the file, got {actual.Fields[extra]}");
                    }
                }

                foreach (var extra in parse.Rows.Where(a => sheet.Rows.All(e => e.Row != a.Row)))
                {
                    facts++;
                    wrong.Add($"{where} row {extra.Row}: unexpected row {string.Join(", ", extra.Fields.Select(f => $"{f.Key}={f.Value}"))}");
                }
            }
        }

        output.WriteLine($"files {files}, facts {facts}, right {right}, flagged {flagged} (of which planted unreadable {planted}), wrong {wrong.Count}");
        foreach (var w in refused.Take(40))
        {
            output.WriteLine("refused: " + w);
        }

        foreach (var w in wrong.Take(40))
        {
            output.WriteLine(w);
        }

        Assert.True(files >= 200);
        Assert.Empty(wrong);
        Assert.Equal(facts, right + flagged);
    }

    private static bool Same(object? want, object? got) =>
        want is IEnumerable list and not string && got is IEnumerable other and not string
            ? list.Cast<object>().SequenceEqual(other.Cast<object>())
            : Equals(want, got);
}
