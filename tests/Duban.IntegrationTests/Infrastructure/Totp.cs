using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace Duban.IntegrationTests.Infrastructure;

/// <summary>What an authenticator app computes (RFC 6238: HMAC-SHA1 over 30-second steps, 6 digits), from the base32 key the page shows.</summary>
public static class Totp
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Code(string base32Key, DateTimeOffset at)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, at.ToUnixTimeSeconds() / 30);
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1.
        var hash = HMACSHA1.HashData(Decode(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    public static byte[] Decode(string base32)
    {
        ArgumentNullException.ThrowIfNull(base32);
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in base32.ToUpperInvariant())
        {
            if (c is ' ' or '=')
            {
                continue;
            }

            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{c}' is not base32.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
