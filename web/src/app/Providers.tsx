import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import type { ReactNode } from 'react';

dayjs.locale('vi');

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: 1, staleTime: 10_000 },
    },
  });
}

/// Under browser automation (the Playwright tests) antd's animations are off: a click on a dialog's button while the
/// dialog was still zooming in landed where the button had been a moment before, and was lost (seen on loaded CI
/// machines). People get the animations.
const motion = typeof navigator === 'undefined' || !navigator.webdriver;

/// Locale, theme and data cache shared by every page.
export function Providers({ client, children }: { client: QueryClient; children: ReactNode }) {
  return (
    <ConfigProvider locale={viVN} theme={{ token: { motion } }}>
      <AntApp>
        <QueryClientProvider client={client}>{children}</QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
