using System.Diagnostics;

namespace Duban.IntegrationTests.Infrastructure;

/// <summary>A real reader for the documents Duban writes: LibreOffice, headless, converting to another format.</summary>
public static class LibreOffice
{
    /// <summary>Converts a file (e.g. .xlsx to csv) and returns the converted bytes; fails the test if LibreOffice cannot open it.</summary>
    public static async Task<byte[]> ConvertAsync(byte[] document, string extension, string target, string? filter = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "duban-lo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var input = Path.Combine(dir, "document" + extension);
            await File.WriteAllBytesAsync(input, document);
            var start = new ProcessStartInfo("soffice")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = dir,
            };
            foreach (var arg in new[] { $"-env:UserInstallation=file://{dir}/profile", "--headless", "--norestore", "--convert-to", filter is null ? target : $"{target}:{filter}", "--outdir", dir, input })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("soffice did not start");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            var converted = Path.Combine(dir, "document." + target);
            Assert.True(process.ExitCode == 0 && File.Exists(converted), $"LibreOffice could not convert the document: {await output} {await error}");
            return await File.ReadAllBytesAsync(converted);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// Opens a document in LibreOffice, converts it to PDF (failing the test if it cannot), and returns the PDF's
    /// text as poppler's pdftotext reads it, with the whitespace taken out so that wrapped lines read as one.
    /// </summary>
    public static async Task<(byte[] Pdf, string Text)> PdfTextAsync(byte[] document, string extension)
    {
        var pdf = await ConvertAsync(document, extension, "pdf");
        if (Environment.GetEnvironmentVariable("DUBAN_TEST_DOCUMENTS") is { Length: > 0 } keep)
        {
            // scripts/test.sh keeps what the reader was given and what it made, for a person to look at.
            Directory.CreateDirectory(keep);
            var name = Path.Combine(keep, DateTime.UtcNow.ToString("HHmmssfff", System.Globalization.CultureInfo.InvariantCulture));
            await File.WriteAllBytesAsync(name + extension, document);
            await File.WriteAllBytesAsync(name + ".pdf", pdf);
        }

        Assert.True(pdf.Length > 4 && pdf[0] == '%' && pdf[1] == 'P' && pdf[2] == 'D' && pdf[3] == 'F', "LibreOffice did not write a PDF");
        var start = new ProcessStartInfo("pdftotext") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-enc", "UTF-8", "-", "-" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftotext did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        await process.StandardInput.BaseStream.WriteAsync(pdf);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, "pdftotext failed: " + await process.StandardError.ReadToEndAsync());
        return (pdf, new string((await output).Where(c => !char.IsWhiteSpace(c)).ToArray()));
    }

    /// <summary>The number of pages of a PDF, as pdfinfo counts them.</summary>
    public static async Task<int> PdfPagesAsync(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), "duban-pdf-" + Guid.NewGuid().ToString("N") + ".pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            var start = new ProcessStartInfo("pdfinfo") { RedirectStandardOutput = true };
            start.ArgumentList.Add(path);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("pdfinfo did not start");
            var info = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            var line = info.Split('\n').First(l => l.StartsWith("Pages:", StringComparison.Ordinal));
            return int.Parse(line["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
