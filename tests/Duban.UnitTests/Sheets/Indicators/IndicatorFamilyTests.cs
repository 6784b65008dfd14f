using Duban.Sheets;
using Duban.Sheets.Indicators;
using Xunit.Abstractions;

namespace Duban.UnitTests.Sheets.Indicators;

/// <summary>
/// Several hundred generated workbooks with known answers, read back from real .xlsx bytes. Every expected field of
/// every expected row is a fact: right, flagged (not taken, with an issue on its row), or wrong (a silent misread).
/// </summary>
public class IndicatorFamilyTests(ITestOutputHelper output)
{
    private static readonly string[] FieldNames =
        [.. typeof(IndicatorFields).GetProperties().Select(p => p.Name).Where(n => n != nameof(IndicatorFields.Indicator))];

    [Fact]
    public void Every_fact_the_reader_takes_is_right_and_every_other_is_flagged()
    {
        int files = 0, facts = 0, right = 0, flagged = 0, planted = 0;
        var wrong = new List<string>();
        for (var seed = 1; seed <= 320; seed++)
        {
            var file = IndicatorFamily.Make(seed);
            files++;
            using var stream = new MemoryStream(file.Bytes);
            var book = IndicatorTableReader.Read(XlsxReader.Read(stream));
            foreach (var expectedTable in file.Tables)
            {
                var tables = book.Tables.Where(t => t.Sheet == expectedTable.Sheet).ToList();
                var issues = tables.SelectMany(t => t.Issues).ToList();
                var actualRows = tables.SelectMany(t => t.Rows).ToList();
                facts++;
                if (tables.Count == 1 && tables[0].Year == expectedTable.Year)
                {
                    right++;
                }
                else
                {
                    wrong.Add($"seed {seed} {expectedTable.Sheet}: year {string.Join(",", tables.Select(t => t.Year))}");
                }

                foreach (var expected in expectedTable.Rows)
                {
                    planted += expected.Unreadable.Count;
                    var rowFlagged = issues.Any(i => i.Row == expected.Row && i.Code != IndicatorIssueCodes.Remark);
                    var actual = actualRows.FirstOrDefault(r => r.Row == expected.Row && r.Fields.Indicator == expected.Fields.Indicator && r.Fields.UnitName == expected.Fields.UnitName);
                    facts++;
                    if (actual is null)
                    {
                        wrong.Add($"seed {seed} {expectedTable.Sheet} row {expected.Row}: missing {expected.Fields.Indicator}/{expected.Fields.UnitName}");
                        facts += FieldNames.Length;
                        continue;
                    }

                    right++;
                    foreach (var name in FieldNames)
                    {
                        facts++;
                        var want = typeof(IndicatorFields).GetProperty(name)!.GetValue(expected.Fields);
                        var got = typeof(IndicatorFields).GetProperty(name)!.GetValue(actual.Fields);
                        if (expected.Unreadable.Contains(name))
                        {
                            if (got is null && rowFlagged)
                            {
                                flagged++;
                            }
                            else
                            {
                                wrong.Add($"seed {seed} {expectedTable.Sheet} row {expected.Row} {name}: unreadable taken as {got}");
                            }
                        }
                        else if (Equals(want, got))
                        {
                            right++;
                        }
                        else if (got is null && rowFlagged)
                        {
                            flagged++;
                        }
                        else
                        {
                            wrong.Add($"seed {seed} {expectedTable.Sheet} row {expected.Row} {name}: want {want} got {got}");
                        }
                    }
                }

                foreach (var extra in actualRows.Where(a => !expectedTable.Rows.Any(e => e.Row == a.Row && e.Fields.Indicator == a.Fields.Indicator && e.Fields.UnitName == a.Fields.UnitName)))
                {
                    facts++;
                    wrong.Add($"seed {seed} {expectedTable.Sheet} row {extra.Row}: unexpected {extra.Fields}");
                }
            }
        }

        output.WriteLine($"files {files}, facts {facts}, right {right}, flagged {flagged} (of which planted unreadable {planted}), wrong {wrong.Count}");
        foreach (var w in wrong.Take(30))
        {
            output.WriteLine(w);
        }

        Assert.True(files >= 300);
        Assert.Empty(wrong);
        Assert.Equal(facts, right + flagged);
    }
}
