import type { AppConfig } from '../../config';
import { DeliveryChannel, DeliveryChannels } from '../application/delivery-channel';
import { DELIVERY_CHANNELS, type DeliveryChannelName } from '../domain/delivery';
import { EmailChannel } from './email.channel';
import { WebhookChannel } from './webhook.channel';

/** A channel class: built only on an instance that has it configured. */
export interface DeliveryChannelClass {
  /** The name its instances carry, the key it is registered under. */
  readonly channel: DeliveryChannelName;
  /** null when this configuration turns the channel on; otherwise why it is off (logged at start). */
  offReason(config: AppConfig): string | null;
  new (config: AppConfig): DeliveryChannel;
}

/**
 * Every delivery channel, by the name its outbox rows carry (`DELIVERY_CHANNELS`; the compiler
 * wants a class for each). A new channel is one class and one line here.
 */
export const DELIVERY_CHANNEL_CLASSES: Readonly<Record<DeliveryChannelName, DeliveryChannelClass>> = {
  [EmailChannel.channel]: EmailChannel,
  [WebhookChannel.channel]: WebhookChannel,
};

/** Decides which channels are on for this configuration: the channels that say they are configured. */
export function configuredChannels(config: AppConfig): DeliveryChannels {
  const on: DeliveryChannel[] = [];
  const off: { name: DeliveryChannelName; reason: string }[] = [];
  for (const name of DELIVERY_CHANNELS) {
    const channel = DELIVERY_CHANNEL_CLASSES[name];
    const reason = channel.offReason(config);
    if (reason === null) on.push(new channel(config));
    else off.push({ name, reason });
  }
  return new DeliveryChannels(on, off);
}
