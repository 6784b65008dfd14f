using System.IO.Compression;
using System.Text;
using Duban.Sheets;
using Duban.Sheets.Ledgers;

namespace Duban.UnitTests.Sheets;

/// <summary>Files that are broken, hostile or laid out unusually: each gives a clear error or the right rows.</summary>
public class NastyFileTests
{
    private static SheetError ErrorOf(byte[] bytes, SheetLimits? limits = null) =>
        Assert.Throws<SheetException>(() => XlsxReader.Read(new MemoryStream(bytes), limits)).Error;

    private static byte[] Sample() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", "重点项目推进台账-样例.xlsx"));

    [Fact]
    public void Empty_random_truncated_and_legacy_files_are_refused()
    {
        Assert.Equal(SheetError.Empty, ErrorOf([]));
        var random = new byte[4096];
        new Random(7).NextBytes(random);
        random[0] = 0x12;
        Assert.Equal(SheetError.NotASpreadsheet, ErrorOf(random));
        var sample = Sample();
        Assert.Equal(SheetError.Corrupt, ErrorOf(sample[..(sample.Length / 2)]));
        Assert.Equal(SheetError.LegacyOrEncrypted, ErrorOf([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]));
        Assert.Equal(SheetError.NotASpreadsheet, ErrorOf(Zip(("hello.txt", "not a workbook"))));
    }

    [Fact]
    public void Random_bytes_after_a_zip_signature_are_refused()
    {
        var bytes = new byte[10_000];
        new Random(3).NextBytes(bytes);
        bytes[0] = (byte)'P';
        bytes[1] = (byte)'K';
        Assert.Equal(SheetError.Corrupt, ErrorOf(bytes));
    }

    [Fact]
    public void A_sheet_that_claims_a_million_rows_stops_at_the_limit()
    {
        var sheet = """<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:Z1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>项目名称</t></is></c></row><row r="1000000"><c r="A1000000" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>""";
        var error = Assert.Throws<SheetException>(() => XlsxReader.Read(new MemoryStream(Book(sheet))));
        Assert.Equal(SheetError.TooManyRows, error.Error);
        Assert.Contains("1000000", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_claimed_dimension_alone_costs_nothing()
    {
        var sheet = """<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>项目名称</t></is></c></row></sheetData><mergeCells><mergeCell ref="A2:XFD1048576"/></mergeCells></worksheet>""";
        var book = XlsxReader.Read(new MemoryStream(Book(sheet)));
        Assert.Equal(1, book.Sheets[0].RowCount);
        Assert.Null(book.Sheets[0].At(500, 3));
    }

    [Fact]
    public void A_huge_cell_is_refused()
    {
        var huge = new string('长', 40_000);
        var sheet = $"""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>{huge}</t></is></c></row></sheetData></worksheet>""";
        Assert.Equal(SheetError.CellTooLong, ErrorOf(Book(sheet)));
    }

    [Fact]
    public void Unpacking_beyond_the_budget_is_refused() =>
        Assert.Equal(SheetError.TooLarge, ErrorOf(Sample(), new SheetLimits { MaxUnpackedBytes = 2_000 }));

    [Fact]
    public void Empty_sheets_and_instructions_give_a_clear_issue()
    {
        var book = new Workbook([new Sheet("填表说明"), new Sheet("Sheet1")]);
        var parse = LedgerReader.Read(book, LedgerKind.Projects);
        Assert.Contains(parse.Issues, i => i.Row == 0 && i.Code == IssueCodes.NoRows && i.Severity == Severity.Error);
        Assert.Empty(parse.Rows);
    }

    [Fact]
    public void A_sheet_without_a_recognisable_header_says_so()
    {
        var parse = LedgerReader.Read(Write(w =>
        {
            w.WriteRow([CellValue.Of("姓名"), CellValue.Of("年龄")]);
            w.WriteRow([CellValue.Of("张三"), CellValue.Of(30m)]);
        }), LedgerKind.Projects);
        Assert.Contains(parse.Issues, i => i.Code == IssueCodes.NoHeader);
    }

    [Fact]
    public void Shifted_headers_instructions_first_and_a_stated_unit_of_yi_yuan()
    {
        var book = Write(
            w => w.WriteRow([CellValue.Of("1. 金额单位统一为亿元；2. 日期写到月。")]),
            w =>
            {
                w.WriteRow([]);
                w.WriteRow([]);
                w.WriteRow([CellValue.Of("2025年市级重点项目表")]);
                w.WriteRow([CellValue.Of("单位：亿元")]);
                w.WriteRow([CellValue.Of("序号"), CellValue.Of("项目名称"), CellValue.Of("总投资"), CellValue.Of("计划投资"), CellValue.Of("完成投资（万元）"), CellValue.Of("责任单位")]);
                w.WriteRow([CellValue.Of(1m), CellValue.Of("甲项目"), CellValue.Of(3.2m), CellValue.Of(1m), CellValue.Of(2500m), CellValue.Of("县发改局")]);
                w.WriteRow([CellValue.Of(2m), CellValue.Of("乙项目"), CellValue.Of("约2.1"), CellValue.Of(-1m), CellValue.Of(0m), CellValue.Of("县交通局")]);
            },
            ["填表说明", "项目表"]);

        var parse = LedgerReader.Read(book, LedgerKind.Projects);

        Assert.Equal("项目表", parse.Sheet);
        Assert.Equal(5, parse.HeaderFirstRow);
        Assert.Equal(2025, parse.Year);
        Assert.Equal("亿元", parse.Unit);
        var first = parse.Rows.Single(r => r.Row == 6);
        Assert.Equal(32_000m, first.Get<decimal>("totalInvestment"));
        Assert.Equal(10_000m, first.Get<decimal>("annualPlan"));
        Assert.Equal(2_500m, first.Get<decimal>("completedToDate"));
        var second = parse.Rows.Single(r => r.Row == 7);
        Assert.True(second.HasErrors);
        Assert.Contains(parse.Issues, i => i.Row == 7 && i.Column == "C" && i.Code == IssueCodes.NotANumber);
        Assert.Contains(parse.Issues, i => i.Row == 7 && i.Column == "D" && i.Code == IssueCodes.Negative);
        Assert.False(first.HasErrors);
    }

    [Fact]
    public void Merged_cells_apply_to_every_row_they_cover_even_across_a_section()
    {
        var book = Write(w =>
        {
            w.WriteRow([CellValue.Of("序号"), CellValue.Of("重点任务"), CellValue.Of("责任领导"), CellValue.Of("牵头单位"), CellValue.Of("完成时限")]);
            w.WriteRow([CellValue.Of("一、经济发展")]);
            w.Merge(2, 1, 2, 2);
            w.WriteRow([CellValue.Of(1m), CellValue.Of("任务甲"), CellValue.Of("王明"), CellValue.Of("县发改局"), CellValue.Of("6月底前")]);
            w.WriteRow([CellValue.Of(2m), CellValue.Of("任务乙"), null, null, CellValue.Of("2026-07-31")]);
            w.WriteRow([CellValue.Of("二、社会民生")]);
            w.Merge(5, 1, 5, 2);
            w.WriteRow([CellValue.Of(3m), CellValue.Of("任务丙"), null, CellValue.Of("县民政局"), CellValue.Of("一周内")]);
            w.Merge(3, 3, 6, 3);
            w.Merge(3, 4, 4, 4);
            w.WriteRow([CellValue.Of("合计"), CellValue.Of("3项")]);
            w.WriteRow([CellValue.Of("填表人：张丽")]);
        });

        var parse = LedgerReader.Read(book, LedgerKind.Tasks, new LedgerReadOptions { Year = 2026 });

        Assert.Equal([3, 4, 6], parse.Rows.Select(r => r.Row));
        Assert.All(parse.Rows, r => Assert.Equal("王明", r.Text("leader")));
        Assert.Equal("县发改局", parse.Rows[1].Text("leadUnit"));
        Assert.Equal("社会民生", parse.Rows[2].Section);
        Assert.Equal([7, 8], parse.TotalRows);
        Assert.Contains(parse.Issues, i => i.Row == 6 && i.Code == IssueCodes.DateRelative && i.Severity == Severity.Error);
    }

    [Fact]
    public void Duplicates_inside_the_file_are_errors_on_the_later_row()
    {
        var parse = LedgerReader.Read(Write(w =>
        {
            w.WriteRow([CellValue.Of("重点任务"), CellValue.Of("牵头单位")]);
            w.WriteRow([CellValue.Of("任务甲"), CellValue.Of("县发改局")]);
            w.WriteRow([CellValue.Of("任务 甲"), CellValue.Of("县财政局")]);
            w.WriteRow([null, CellValue.Of("县财政局")]);
        }), LedgerKind.Tasks);
        Assert.Contains(parse.Issues, i => i.Row == 3 && i.Code == IssueCodes.DuplicateInFile && i.Args[1] == "2");
        Assert.Contains(parse.Issues, i => i.Row == 4 && i.Code == IssueCodes.Required);
    }

    [Fact]
    public void Writer_output_reads_back_with_values_merges_formulas_and_escapes()
    {
        var book = Write(w =>
        {
            w.WriteRow([CellValue.Of("标题")]);
            w.Merge(1, 1, 1, 3);
            w.WriteRow([CellValue.Of(1.5m), CellValue.Of(new DateOnly(2026, 6, 30)), CellValue.Of("=cmd|' /C calc'!A0")]);
            w.WriteRow([CellValue.Calc("SUM(A2:A2)", 1.5m), CellValue.Of("中文，含逗号"), CellValue.Of("@user")]);
        });
        var sheet = book.Sheets[0];
        Assert.Equal("标题", sheet.At(1, 3)?.Text);
        Assert.Equal(1.5, sheet.Raw(2, 1)?.Number);
        Assert.True(sheet.Raw(2, 2)?.IsDate);
        Assert.Equal(new DateOnly(2026, 6, 30), Values.Date(sheet.Raw(2, 2), 2026).Value);
        Assert.Equal("'=cmd|' /C calc'!A0", sheet.Raw(2, 3)?.Text);
        Assert.True(sheet.Raw(3, 1)?.FromFormula);
        Assert.Equal(1.5, sheet.Raw(3, 1)?.Number);
        Assert.Equal("'@user", sheet.Raw(3, 3)?.Text);
    }

    [Fact]
    public void Csv_in_utf8_and_gb18030_reads_the_same()
    {
        const string text = "序号,项目名称,总投资,责任单位\r\n1,\"甲项目,一期\",100,县发改局\r\n";
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        foreach (var bytes in new[] { Encoding.UTF8.GetBytes(text), Encoding.GetEncoding("GB18030").GetBytes(text), [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)] })
        {
            var parse = LedgerReader.Read(CsvReader.Read(new MemoryStream(bytes), "projects"), LedgerKind.Projects);
            var row = Assert.Single(parse.Rows);
            Assert.Equal("甲项目,一期", row.Text("name"));
            Assert.Equal(100m, row.Get<decimal>("totalInvestment"));
        }
    }

    internal static Workbook Write(Action<XlsxWriter> first, Action<XlsxWriter>? second = null, string[]? names = null)
    {
        var stream = new MemoryStream();
        using (var writer = new XlsxWriter(stream))
        {
            writer.StartSheet(new SheetLayout { Name = names?[0] ?? "Sheet1" });
            first(writer);
            if (second is not null)
            {
                writer.StartSheet(new SheetLayout { Name = names?[1] ?? "Sheet2" });
                second(writer);
            }
        }

        stream.Position = 0;
        return XlsxReader.Read(stream);
    }

    private static byte[] Book(string sheetXml) => Zip(
        ("[Content_Types].xml", """<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"""),
        ("xl/workbook.xml", """<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"""),
        ("xl/_rels/workbook.xml.rels", """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>"""),
        ("xl/worksheets/sheet1.xml", sheetXml));

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        return stream.ToArray();
    }
}
