using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Duban.Sheets;

/// <summary>
/// Reads .xlsx (Office Open XML) workbooks as Excel, WPS and LibreOffice write them: shared and inline strings,
/// formulas by their cached values, dates by their number formats, merged ranges, hidden sheets. Streams each
/// part with an <see cref="XmlReader"/> and stops at <see cref="SheetLimits"/>.
/// </summary>
public static class XlsxReader
{
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string StrictRelNs = "http://purl.oclc.org/ooxml/officeDocument/relationships";

    public static Workbook Read(Stream stream, SheetLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        limits ??= SheetLimits.Default;
        var buffered = stream.CanSeek ? stream : Copy(stream);
        if (buffered.Length == 0)
        {
            throw new SheetException(SheetError.Empty);
        }

        Span<byte> head = stackalloc byte[4];
        buffered.Position = 0;
        var got = buffered.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        buffered.Position = 0;
        if (got == 4 && head[0] == 0xD0 && head[1] == 0xCF && head[2] == 0x11 && head[3] == 0xE0)
        {
            throw new SheetException(SheetError.LegacyOrEncrypted);
        }

        if (got < 4 || head[0] != (byte)'P' || head[1] != (byte)'K')
        {
            throw new SheetException(SheetError.NotASpreadsheet);
        }

        try
        {
            using var zip = new ZipArchive(buffered, ZipArchiveMode.Read, leaveOpen: true);
            var budget = new Budget(limits.MaxUnpackedBytes);
            return ReadWorkbook(zip, limits, budget);
        }
        catch (SheetException)
        {
            throw;
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or EndOfStreamException or IOException or FormatException or OverflowException)
        {
            throw new SheetException(SheetError.Corrupt, null, e);
        }
    }

    private static MemoryStream Copy(Stream stream)
    {
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }

    private static Workbook ReadWorkbook(ZipArchive zip, SheetLimits limits, Budget budget)
    {
        var workbookEntry = zip.GetEntry("xl/workbook.xml") ?? FindWorkbook(zip) ?? throw new SheetException(SheetError.NotASpreadsheet);
        var baseDir = workbookEntry.FullName[..(workbookEntry.FullName.LastIndexOf('/') + 1)];
        var rels = ReadRelationships(zip, baseDir + "_rels/" + workbookEntry.Name + ".rels", baseDir, budget);
        var sheets = new List<(string Name, string Target, bool Hidden)>();
        var date1904 = false;
        using (var xml = Open(workbookEntry, budget))
        {
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "workbookPr")
                {
                    date1904 = xml.GetAttribute("date1904") is "1" or "true";
                }
                else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet")
                {
                    var name = xml.GetAttribute("name") ?? "Sheet";
                    var id = xml.GetAttribute("id", RelNs) ?? xml.GetAttribute("id", StrictRelNs);
                    var hidden = xml.GetAttribute("state") is "hidden" or "veryHidden";
                    if (id is not null && rels.TryGetValue(id, out var target))
                    {
                        sheets.Add((name, target, hidden));
                    }
                }
            }
        }

        if (sheets.Count == 0)
        {
            throw new SheetException(SheetError.NoSheets);
        }

        var strings = ReadSharedStrings(zip, rels.Values.FirstOrDefault(t => t.EndsWith("sharedStrings.xml", StringComparison.OrdinalIgnoreCase)) ?? baseDir + "sharedStrings.xml", limits, budget);
        var dateStyles = ReadDateStyles(zip, rels.Values.FirstOrDefault(t => t.EndsWith("styles.xml", StringComparison.OrdinalIgnoreCase)) ?? baseDir + "styles.xml", budget);
        var result = new List<Sheet>();
        foreach (var (name, target, hidden) in sheets)
        {
            var entry = zip.GetEntry(target);
            var sheet = new Sheet(name, hidden);
            if (entry is not null)
            {
                ReadSheet(entry, sheet, strings, dateStyles, limits, budget, date1904);
            }

            result.Add(sheet);
        }

        return new Workbook(result);
    }

    private static ZipArchiveEntry? FindWorkbook(ZipArchive zip) =>
        zip.Entries.FirstOrDefault(e => e.FullName.EndsWith("/workbook.xml", StringComparison.OrdinalIgnoreCase));

    private static Dictionary<string, string> ReadRelationships(ZipArchive zip, string path, string baseDir, Budget budget)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var entry = zip.GetEntry(path);
        if (entry is null)
        {
            return result;
        }

        using var xml = Open(entry, budget);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship" && xml.GetAttribute("Id") is { } id && xml.GetAttribute("Target") is { } target)
            {
                result[id] = target.StartsWith('/') ? target[1..] : Normalize(baseDir + target);
            }
        }

        return result;
    }

    private static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part is not "." and not "")
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    private static List<string> ReadSharedStrings(ZipArchive zip, string path, SheetLimits limits, Budget budget)
    {
        var result = new List<string>();
        var entry = zip.GetEntry(path);
        if (entry is null)
        {
            return result;
        }

        using var xml = Open(entry, budget);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
            {
                result.Add(ReadRichText(xml, limits, "sharedStrings"));
            }
        }

        return result;
    }

    /// <summary>Reads an &lt;si&gt; or &lt;is&gt;: its text runs, without phonetic guides.</summary>
    private static string ReadRichText(XmlReader xml, SheetLimits limits, string where)
    {
        if (xml.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = xml.Depth;
        var text = new System.Text.StringBuilder();
        var advanced = false;
        while (advanced || xml.Read())
        {
            advanced = false;
            if (xml.Depth <= depth)
            {
                break;
            }

            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (xml.LocalName == "rPh")
            {
                xml.Skip();
                advanced = true;
            }
            else if (xml.LocalName == "t")
            {
                text.Append(xml.ReadElementContentAsString());
                advanced = true;
                if (text.Length > limits.MaxCellLength)
                {
                    throw new SheetException(SheetError.CellTooLong, where);
                }
            }
        }

        return text.ToString();
    }

    private static HashSet<int> ReadDateStyles(ZipArchive zip, string path, Budget budget)
    {
        var result = new HashSet<int>();
        var entry = zip.GetEntry(path);
        if (entry is null)
        {
            return result;
        }

        var customDates = new HashSet<int>();
        using var xml = Open(entry, budget);
        var inCellXfs = false;
        var index = 0;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "numFmt")
            {
                if (int.TryParse(xml.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var id) && IsDateFormat(xml.GetAttribute("formatCode")))
                {
                    customDates.Add(id);
                }
            }
            else if (xml.LocalName == "cellXfs")
            {
                inCellXfs = xml.NodeType == XmlNodeType.Element && !xml.IsEmptyElement;
            }
            else if (inCellXfs && xml.NodeType == XmlNodeType.Element && xml.LocalName == "xf")
            {
                if (int.TryParse(xml.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var id) && (IsBuiltInDate(id) || customDates.Contains(id)))
                {
                    result.Add(index);
                }

                index++;
            }
        }

        return result;
    }

    private static bool IsBuiltInDate(int id) => id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58);

    /// <summary>
    /// A format shows a date when it has y, m or d outside quotes, escapes and [colour] brackets. The word "General"
    /// (which LibreOffice writes as a custom format) is a format of its own, not an era year "e".
    /// </summary>
    public static bool IsDateFormat(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return false;
        }

        code = code.Replace("General", string.Empty, StringComparison.OrdinalIgnoreCase);

        var inQuote = false;
        var inBracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"')
            {
                inQuote = !inQuote;
            }
            else if (!inQuote && c == '[')
            {
                inBracket = true;
            }
            else if (inBracket && c == ']')
            {
                inBracket = false;
            }
            else if (!inQuote && !inBracket && c == '\\')
            {
                i++;
            }
            else if (!inQuote && !inBracket && c is 'y' or 'Y' or 'd' or 'D' or 'm' or 'M' or 'e')
            {
                return true;
            }
        }

        return false;
    }

    private static void ReadSheet(ZipArchiveEntry entry, Sheet sheet, List<string> strings, HashSet<int> dateStyles, SheetLimits limits, Budget budget, bool date1904)
    {
        using var xml = Open(entry, budget);
        var row = 0;
        var column = 0;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (xml.LocalName)
            {
                case "row":
                    row = int.TryParse(xml.GetAttribute("r"), CultureInfo.InvariantCulture, out var r) ? r : row + 1;
                    column = 0;
                    break;
                case "c":
                    if (CellReference.TryParse(xml.GetAttribute("r"), out var cr, out var cc))
                    {
                        (row, column) = (cr, cc);
                    }
                    else
                    {
                        // No usable reference: the next cell of the row, as Excel reads a cell without one.
                        column++;
                    }

                    if (ReadCell(xml, strings, dateStyles, limits, sheet.Name, row) is { } cell && !cell.IsBlank)
                    {
                        // A workbook from a Mac may count its dates from 1904: every date cell reads as the 1900 count does.
                        if (date1904 && cell is { IsDate: true, Number: { } serial })
                        {
                            cell = cell with { Number = serial + 1462 };
                        }

                        if (row > limits.MaxRows)
                        {
                            throw new SheetException(SheetError.TooManyRows, $"{sheet.Name}!{row}");
                        }

                        if (column > limits.MaxColumns)
                        {
                            throw new SheetException(SheetError.TooManyColumns, $"{sheet.Name}!{CellReference.Of(row, column)}");
                        }

                        sheet.Set(row, column, cell);
                    }

                    break;
                case "mergeCell":
                    if (xml.GetAttribute("ref") is { } reference && MergedRange.Parse(reference) is { } range && range.FirstRow <= limits.MaxRows)
                    {
                        sheet.AddMerge(range with { LastRow = Math.Min(range.LastRow, limits.MaxRows), LastColumn = Math.Min(range.LastColumn, limits.MaxColumns) });
                    }

                    break;
                default:
                    break;
            }
        }
    }

    private static SheetCell? ReadCell(XmlReader xml, List<string> strings, HashSet<int> dateStyles, SheetLimits limits, string sheetName, int row)
    {
        var type = xml.GetAttribute("t");
        var isDate = int.TryParse(xml.GetAttribute("s"), CultureInfo.InvariantCulture, out var style) && dateStyles.Contains(style);
        if (xml.IsEmptyElement)
        {
            return null;
        }

        string? value = null;
        string? inline = null;
        var formula = false;
        var depth = xml.Depth;
        while (xml.Read() && xml.Depth > depth)
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (xml.LocalName)
            {
                case "v":
                    value = xml.ReadElementContentAsString();
                    break;
                case "f":
                    formula = true;
                    break;
                case "is":
                    inline = ReadRichText(xml, limits, $"{sheetName}!{row}");
                    break;
                default:
                    break;
            }

            if (xml.Depth <= depth)
            {
                break;
            }
        }

        if (value?.Length > limits.MaxCellLength)
        {
            throw new SheetException(SheetError.CellTooLong, $"{sheetName}!{row}");
        }

        switch (type)
        {
            case "s":
                return int.TryParse(value, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < strings.Count
                    ? new SheetCell(strings[i], FromFormula: formula)
                    : null;
            case "inlineStr":
                return new SheetCell(inline ?? value ?? string.Empty, FromFormula: formula);
            case "str" or "e":
                return new SheetCell(value ?? string.Empty, FromFormula: formula);
            case "b":
                return new SheetCell(value == "1" ? "TRUE" : "FALSE", FromFormula: formula);
            case "d":
                return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? new SheetCell(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.ToOADate(), true, formula)
                    : new SheetCell(value ?? string.Empty, FromFormula: formula);
            default:
                if (value is null)
                {
                    return null;
                }

                return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? new SheetCell(number.ToString("R", CultureInfo.InvariantCulture), number, isDate, formula)
                    : new SheetCell(value, FromFormula: formula);
        }
    }

    private static XmlReader Open(ZipArchiveEntry entry, Budget budget)
    {
        budget.Spend(entry.Length);
        return XmlReader.Create(new LimitedStream(entry.Open(), entry.Length), new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = false,
            CloseInput = true,
        });
    }

    /// <summary>The unpacked bytes all parts may take together.</summary>
    private sealed class Budget(long max)
    {
        private long left = max;

        public void Spend(long bytes)
        {
            left -= bytes;
            if (left < 0)
            {
                throw new SheetException(SheetError.TooLarge);
            }
        }
    }

    /// <summary>Stops reading at the size the zip directory declared, whatever the compressed data claims.</summary>
    private sealed class LimitedStream(Stream inner, long declared) : Stream
    {
        private long read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            read += n;
            if (read > declared + 1024)
            {
                throw new SheetException(SheetError.TooLarge);
            }

            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
