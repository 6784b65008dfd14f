using Duban.Sheets;

namespace Duban.UnitTests.Sheets.Indicators;

/// <summary>A sheet to write: rows of cells (string → text, decimal/int/double → number, DateOnly → a date cell, null → empty) and merges.</summary>
internal sealed record SheetSpec(string Name, IReadOnlyList<object?[]> Rows, IReadOnlyList<MergedRange>? Merges = null);

/// <summary>Writes real .xlsx bytes with the project's writer and reads them back, as an upload would be.</summary>
internal static class Books
{
    public static byte[] Bytes(params SheetSpec[] sheets)
    {
        using var stream = new MemoryStream();
        using (var writer = new XlsxWriter(stream))
        {
            foreach (var sheet in sheets)
            {
                writer.StartSheet(new SheetLayout { Name = sheet.Name });
                foreach (var row in sheet.Rows)
                {
                    writer.WriteRow(row.Select(Cell).ToList());
                }

                foreach (var m in sheet.Merges ?? [])
                {
                    writer.Merge(m.FirstRow, m.FirstColumn, m.LastRow, m.LastColumn);
                }
            }
        }

        return stream.ToArray();
    }

    public static Workbook Book(params SheetSpec[] sheets)
    {
        using var stream = new MemoryStream(Bytes(sheets));
        return XlsxReader.Read(stream);
    }

    public static SheetSpec Sheet(string name, params object?[][] rows) => new(name, rows);

    /// <summary>Up to three sheets of random cells (from <paramref name="cell"/>) and random merges, for fuzz tests.</summary>
    public static Workbook Random(Random random, Func<Random, object?> cell, int maxWidth)
    {
        var sheets = new List<SheetSpec>();
        for (var s = random.Next(0, 4); s > 0; s--)
        {
            var rows = new List<object?[]>();
            var merges = new List<MergedRange>();
            var height = random.Next(0, 30);
            var width = random.Next(1, maxWidth);
            for (var r = 0; r < height; r++)
            {
                rows.Add([.. Enumerable.Range(0, random.Next(0, width + 1)).Select(_ => cell(random))]);
            }

            for (var m = random.Next(0, 6); m > 0 && height > 0; m--)
            {
                var r1 = random.Next(1, height + 1);
                var c1 = random.Next(1, width + 1);
                merges.Add(new MergedRange(r1, c1, r1 + random.Next(0, 3), c1 + random.Next(0, 3)));
            }

            sheets.Add(new SheetSpec($"S{s}", rows, merges));
        }

        return sheets.Count == 0 ? new Workbook([]) : Book([.. sheets]);
    }

    /// <summary>A generated file with one cell in <paramref name="junkOneIn"/> replaced by junk, two rows swapped and some merges dropped.</summary>
    public static Workbook Mutilated(byte[] bytes, Random random, Func<Random, object?> cell, int junkOneIn)
    {
        using var stream = new MemoryStream(bytes);
        var book = XlsxReader.Read(stream);
        var sheets = new List<SheetSpec>();
        foreach (var sheet in book.Sheets)
        {
            var rows = new List<object?[]>();
            for (var r = 1; r <= sheet.LastRow; r++)
            {
                var cells = new object?[sheet.ColumnCount];
                for (var c = 1; c <= sheet.ColumnCount; c++)
                {
                    var raw = sheet.Raw(r, c);
                    cells[c - 1] = random.Next(junkOneIn) == 0 ? cell(random) : raw?.Number is { } n && Math.Abs(n) < 1e20 ? (decimal)n : raw?.Text;
                }

                rows.Add(cells);
            }

            if (random.Next(2) == 0 && rows.Count > 2)
            {
                var a = random.Next(rows.Count);
                var b = random.Next(rows.Count);
                (rows[a], rows[b]) = (rows[b], rows[a]);
            }

            sheets.Add(new SheetSpec(sheet.Name, rows, [.. sheet.Merges.Where(_ => random.Next(3) > 0)]));
        }

        return Book([.. sheets]);
    }

    public static object?[] Row(params object?[] cells) => cells;

    private static CellValue? Cell(object? value) => value switch
    {
        null => null,
        string s => CellValue.Of(s),
        decimal d => CellValue.Of(d),
        int i => CellValue.Of((decimal)i),
        double x => CellValue.Of((decimal)x),
        DateOnly date => CellValue.Of(date),
        _ => CellValue.Of(value.ToString()),
    };
}
