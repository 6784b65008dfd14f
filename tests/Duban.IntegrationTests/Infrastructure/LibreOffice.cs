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
}
